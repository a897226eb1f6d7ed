package org.receco.scenarios.model;

import java.nio.file.Path;
import org.receco.agents.data.MfParams;
import org.receco.agents.data.MovieLensCsv;
import org.receco.agents.data.MovieLensFormatException;
import org.receco.agents.data.RatingsDataset;
import org.receco.agents.space.SpaceParams;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.scenarios.wiring.RatingsWorlds;

/**
 * Where the world comes from: the synthetic space ({@code ratings: ""}, the default), or real ratings in the
 * MovieLens layout (Harper &amp; Konstan, ACM TiiS 2015) to which a biased matrix factorisation (Koren, Bell &amp;
 * Volinsky, IEEE Computer 2009) is fitted, so the simulation continues from real data (see
 * {@link org.receco.agents.data.RatingsWorld}). A ratings world must agree with the sections it replaces: one user
 * per rating user ({@code users.count}, or population 0's count), one topic and one author per primary genre
 * ({@code space.topics}, {@code authors.count}), {@code space.dims} factors, movies that never retire
 * ({@code items.lifetime: 0}); the check reads the data, so a bad row is refused with its file and line.
 */
@Doc("Where the world comes from: the synthetic space, or real ratings with latent users and items fitted to them.")
public record WorldSpec(
        @Doc("Directory in the MovieLens layout (ratings.csv: userId,movieId,rating,timestamp; movies.csv: "
                + "movieId,title,genres) to initialise the world from, relative to the working directory; \"\" = "
                + "the synthetic space. `./receco data movielens` writes MovieLens latest-small to data/movielens.")
        String ratings,
        @Doc("Alternating least-squares sweeps of the biased MF fitted to the ratings (factors: space.dims).")
        @Range(min = 1, max = 1000) int iterations,
        @Doc("Ridge penalty of that fit, times each user's and movie's number of ratings (ALS-WR).")
        @Range(min = 0, max = 1000) double regularisation) implements CrossChecked {

    /** The MF's start is seeded apart from the run's seed, so every seed of a scenario plays in the same world. */
    public static final long FIT_SEED = 20090801L;

    public WorldSpec {
        ratings = ratings == null ? "" : ratings;
    }

    public static WorldSpec synthetic() {
        return new WorldSpec("", 20, 0.1);
    }

    public boolean fromRatings() {
        return !ratings.isBlank();
    }

    public Path ratingsDir() {
        return Path.of(ratings);
    }

    /** The fit's settings, with {@code dims} factors. */
    public MfParams fitParams(int dims) {
        return new MfParams(dims, iterations, regularisation, FIT_SEED);
    }

    @Override
    public void check(Scenario scenario, Problems problems) {
        if (!fromRatings()) {
            return;
        }
        Path dir = ratingsDir();
        if (!MovieLensCsv.present(dir)) {
            problems.report("ratings", "no " + MovieLensCsv.RATINGS + " and " + MovieLensCsv.MOVIES + " in " + dir
                    + ": run ./receco data movielens first (or name a directory in the MovieLens layout)", null);
            return;
        }
        RatingsDataset data;
        try {
            data = RatingsWorlds.dataset(dir);
        } catch (MovieLensFormatException e) {
            problems.report("ratings", e.getMessage(), null);
            return;
        }
        int genres = data.movies().genreCount();
        int users = scenario.users().all().get(0).count();
        if (users != data.users()) {
            problems.report("ratings", dir + " has " + data.users() + " users, one per rating user, but the first "
                    + "population has " + users + " (users.count)", "users.count: " + data.users());
        }
        if (scenario.space().topics() != genres) {
            problems.report("ratings", dir + " has " + genres + " primary genres, the topics of a ratings world, "
                    + "but space.topics is " + scenario.space().topics(), "space.topics: " + genres);
        }
        if (scenario.authors().count() != genres) {
            problems.report("ratings", "a ratings world has one author per primary genre (" + genres + " in " + dir
                    + "), but authors.count is " + scenario.authors().count(), "authors.count: " + genres);
        }
        if (scenario.items().lifetime() != 0) {
            problems.report("ratings", "the movies of a ratings world never retire, but items.lifetime is "
                    + scenario.items().lifetime(), "items.lifetime: 0");
        }
        if (scenario.space().kind() != SpaceParams.Kind.gaussian) {
            problems.report("ratings", "a ratings world's space is the fitted factors, not the "
                    + scenario.space().kind() + " simplex", "space.kind: gaussian");
        }
    }
}
