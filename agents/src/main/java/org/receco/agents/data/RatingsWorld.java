package org.receco.agents.data;

import org.receco.agents.space.SyntheticSpace;
import org.receco.core.RecEcoModel;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * A world initialised from real ratings in the MovieLens layout (Harper &amp; Konstan, ACM TiiS 2015), so the
 * simulation continues from real data: a biased matrix factorisation (Koren, Bell &amp; Volinsky, IEEE Computer
 * 2009; {@link BiasedMf}) places users and movies in one latent space.
 *
 * <ul>
 *   <li>One user per rating user; true preferences = the fitted user factors {@code p_u}, so true utility
 *       {@code p_u·q_i} is the interaction part of the fitted rating. A user's topic is the primary genre it rated
 *       most (ties: the lower genre id).</li>
 *   <li>The movies are the catalogue, published at round 0 and never retired (item lifetime 0): content vector =
 *       the fitted item factors {@code q_i}, topic = primary genre, quality = the fitted baseline rating
 *       {@code μ + b_i} mapped from 0.5–5 onto 0–1.</li>
 *   <li>One author per genre, whose vector is the genre's centroid and who "wrote" the movies of that primary genre:
 *       MovieLens has no authors, and a genre is the closest thing to a source that author metrics can group by.
 *       The topic centres of the space are the same centroids.</li>
 *   <li>The real ratings seed the feedback log before round 0, in time order, in round 0's span of the log with
 *       round -1 (so windowed recommenders count them with round 0), liked = rated 4 or more, stars = the rating
 *       rounded to whole stars; each counts as an exposure, a click and a rating of the item. The run database does
 *       not copy them: they are in the data directory.</li>
 * </ul>
 *
 * Built once per scenario (the fit is deterministic) and shared by every start of the model.
 */
public final class RatingsWorld {
    /** The round the seeded history carries in the feedback log: before the simulation's first. */
    public static final int HISTORY_ROUND = -1;

    private final RatingsDataset data;
    private final RatingsFit fit;
    private final LatentSpace space;
    private final float[] genreCentres;
    private final int[] userTopic;

    private RatingsWorld(RatingsDataset data, RatingsFit fit) {
        this.data = data;
        this.fit = fit;
        int d = fit.factors();
        MovieCatalog movies = data.movies();
        int g = movies.genreCount();
        genreCentres = new float[g * d];
        int[] count = new int[g];
        for (int i = 0; i < movies.size(); i++) {
            int t = movies.primaryGenre()[i];
            count[t]++;
            for (int k = 0; k < d; k++) {
                genreCentres[t * d + k] += fit.itemFactors()[i * d + k];
            }
        }
        for (int t = 0; t < g; t++) {
            for (int k = 0; k < d; k++) {
                genreCentres[t * d + k] /= Math.max(1, count[t]);
            }
        }
        space = new LatentSpace(d, genreCentres);
        int[][] perGenre = new int[data.users()][g];
        for (int k = 0; k < data.ratings(); k++) {
            perGenre[data.user()[k]][movies.primaryGenre()[data.item()[k]]]++;
        }
        userTopic = new int[data.users()];
        for (int u = 0; u < userTopic.length; u++) {
            int best = 0;
            for (int t = 1; t < g; t++) {
                if (perGenre[u][t] > perGenre[u][best]) {
                    best = t;
                }
            }
            userTopic[u] = best;
        }
    }

    /** Fits {@code params.factors()} latent dimensions to {@code data}'s ratings. */
    public static RatingsWorld fit(RatingsDataset data, MfParams params) {
        RatingsFit fit = BiasedMf.fit(data.users(), data.movies().size(), data.user(), data.item(), data.rating(),
                params);
        return new RatingsWorld(data, fit);
    }

    public RatingsDataset data() {
        return data;
    }

    public RatingsFit fit() {
        return fit;
    }

    public LatentSpace space() {
        return space;
    }

    /** An empty world in this space, with room for the data's users, genres and movies. */
    public World newWorld(int extraUsers) {
        return new World(space, data.users() + Math.max(0, extraUsers), data.movies().genreCount(),
                data.movies().size());
    }

    /**
     * Adds the data's users to population 0, one author per genre and every movie, and seeds the feedback log and
     * item counters with the real ratings. Call from the wiring's populate, before any other population's users.
     */
    public void populate(RecEcoModel model) {
        int d = fit.factors();
        model.addUsers(fit.userFactors().clone(), userTopic.clone(), 0);
        MovieCatalog movies = data.movies();
        int[] genres = new int[movies.genreCount()];
        for (int t = 0; t < genres.length; t++) {
            genres[t] = t;
        }
        int firstAuthor = model.addAuthors(genreCentres.clone(), genres);
        World w = model.world();
        ItemStore items = w.items();
        int firstItem = items.count();
        for (int i = 0; i < movies.size(); i++) {
            float quality = (float) Math.max(0, Math.min(1, (fit.globalMean() + fit.itemBias()[i] - 0.5) / 4.5));
            int t = movies.primaryGenre()[i];
            items.add(fit.itemFactors(), i * d, firstAuthor + t, 0, quality, t);
        }
        seedHistory(w, firstItem);
    }

    private void seedHistory(World w, int firstItem) {
        FeedbackLog log = w.feedback();
        ItemStats stats = w.stats();
        stats.ensure(w.items().count());
        log.beginRound(0);
        for (int k = 0; k < data.ratings(); k++) {
            int stars = data.stars(k);
            int item = firstItem + data.item()[k];
            boolean liked = stars >= 4;
            log.add(data.user()[k], item, HISTORY_ROUND, liked, stars);
            stats.expose(item);
            stats.click(item, liked);
            stats.rate(item, stars);
        }
    }

    /**
     * Users for a further population (joining cohorts, fake users): each a copy of a real user drawn uniformly
     * with replacement, vector and topic, as SimuLine resamples its fitted users.
     */
    public SyntheticSpace.Population drawUsers(int count, SplitMix rng) {
        int d = fit.factors();
        int[] topics = new int[count];
        float[] vecs = new float[count * d];
        for (int q = 0; q < count; q++) {
            int u = rng.nextInt(data.users());
            topics[q] = userTopic[u];
            System.arraycopy(fit.userFactors(), u * d, vecs, q * d, d);
        }
        return new SyntheticSpace.Population(topics, vecs);
    }
}
