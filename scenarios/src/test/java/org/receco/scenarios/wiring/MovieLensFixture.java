package org.receco.scenarios.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.receco.core.rng.SplitMix;

/**
 * Writes a small data set in the MovieLens layout: {@code users} users rating movies of three genres with
 * rank-2 structure, and a scenario that initialises a world from it. Test fixture.
 */
public final class MovieLensFixture {
    public static final int GENRES = 3;

    private MovieLensFixture() {
    }

    /** Writes ratings.csv and movies.csv to {@code dir}; returns the number of ratings. */
    public static int write(Path dir, int users, int movies, long seed) throws IOException {
        Files.createDirectories(dir);
        SplitMix rng = new SplitMix(seed);
        String[] genres = {"Drama|Romance", "Comedy", "Horror|Thriller"};
        StringBuilder m = new StringBuilder("movieId,title,genres\n");
        double[][] v = new double[movies][2];
        for (int i = 0; i < movies; i++) {
            // every genre's movies share a direction, so the genres are real structure in the ratings
            int g = i % GENRES;
            v[i][0] = Math.cos(2.1 * g) + 0.3 * rng.nextGaussian();
            v[i][1] = Math.sin(2.1 * g) + 0.3 * rng.nextGaussian();
            m.append(10 * (i + 1)).append(",\"Movie ").append(i).append(", The (199").append(i % 10).append(")\",")
                    .append(genres[g]).append('\n');
        }
        StringBuilder r = new StringBuilder("userId,movieId,rating,timestamp\n");
        int n = 0;
        for (int u = 0; u < users; u++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            for (int i = 0; i < movies; i++) {
                if (rng.nextDouble() < 0.4) {
                    double x = 3.2 + a * v[i][0] + b * v[i][1] + 0.3 * rng.nextGaussian();
                    double stars = Math.max(0.5, Math.min(5, Math.round(x * 2) / 2.0));
                    r.append(u + 1).append(',').append(10 * (i + 1)).append(',').append(stars).append(',')
                            .append(1_000_000 + rng.nextInt(100_000)).append('\n');
                    n++;
                }
            }
        }
        Files.writeString(dir.resolve("movies.csv"), m);
        Files.writeString(dir.resolve("ratings.csv"), r);
        return n;
    }

    /** A scenario text for a world from {@code dir} with {@code users} users, content recommender. */
    public static String scenario(Path dir, int users, int rounds) {
        return """
                name: ratings-world
                seed: 3
                rounds: %d
                threads: 1
                space: {dims: 4, topics: 3}
                world: {ratings: '%s', iterations: 8, regularisation: 0.05}
                users:
                  count: %d
                  model: utility-world
                  params: {utilityVariance: 0.0, knownShare: 1.0, knownVariance: 0.0}
                authors: {count: 3, model: static}
                items: {lifetime: 0}
                slate: {size: 5, match: 5, coldStart: 0, exposureMemory: 0}
                recommender: {name: bpr, trainEvery: 1, params: {factors: 4}}
                store: {interactions: true, impressions: off, snapshotEvery: 2}
                """.formatted(rounds, dir.toString().replace("'", "''"), users);
    }
}
