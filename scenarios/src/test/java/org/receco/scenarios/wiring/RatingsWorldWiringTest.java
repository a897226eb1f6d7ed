package org.receco.scenarios.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.data.RatingsWorld;
import org.receco.core.RecEcoModel;
import org.receco.core.store.RunDatabase;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.World;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/** A world initialised from a small MovieLens-layout data set, wired by {@link ScenarioWiring}. */
class RatingsWorldWiringTest {
    private static final int USERS = 30;
    private static final int MOVIES = 24;

    @TempDir
    Path dir;

    private LoadedScenario scenario(int rounds, List<String> sets) throws Exception {
        Path data = dir.resolve("ml");
        MovieLensFixture.write(data, USERS, MOVIES, 5);
        return new ScenarioLoader().load("ratings.yaml", MovieLensFixture.scenario(data, USERS, rounds), sets);
    }

    @Test
    void theWorldIsTheDataUsersMoviesAndRatingHistory() throws Exception {
        LoadedScenario s = scenario(2, List.of());
        ScenarioWiring wiring = new ScenarioWiring(s.scenario());
        RecEcoModel model = new RecEcoModel(wiring);
        model.start();
        RatingsWorld rw = wiring.ratingsWorld();
        assertNotNull(rw);
        World w = model.world();
        assertEquals(USERS, w.users().count());
        assertEquals(MOVIES, w.items().count());
        assertEquals(MovieLensFixture.GENRES, w.authors().count());
        assertEquals(MovieLensFixture.GENRES, w.space().topics());
        FeedbackLog log = w.feedback();
        int n = rw.data().ratings();
        assertEquals(n, log.size());
        assertEquals(n, log.ratedCount());
        assertEquals(n, log.roundEnd(0), "the history is in round 0's span");
        int ratings = 0;
        for (int k = 0; k < n; k++) {
            assertEquals(RatingsWorld.HISTORY_ROUND, log.round(k));
            assertEquals(log.rating(k) >= 4, log.liked(k));
            assertEquals(rw.data().user()[k], log.user(k));
        }
        for (int i = 0; i < MOVIES; i++) {
            ratings += w.stats().ratingCount(i);
            assertEquals(w.stats().clicks(i), w.stats().ratingCount(i));
            assertEquals(MOVIES > 0 ? i % MovieLensFixture.GENRES : 0, w.items().topic(i), "topic = primary genre");
            assertEquals(i % MovieLensFixture.GENRES, w.items().author(i), "one author per genre");
        }
        assertEquals(n, ratings);
        // the movies' vectors are the fitted item factors
        int d = w.dims();
        for (int k = 0; k < d; k++) {
            assertEquals(rw.fit().itemFactors()[5 * d + k], w.items().vectors()[5 * d + k]);
            assertEquals(rw.fit().userFactors()[7 * d + k], w.users().prefs()[7 * d + k]);
        }
        assertTrue(rw.fit().rmse() < rw.fit().baselineRmse(), rw.fit().rmse() + " vs " + rw.fit().baselineRmse());
        model.runUntil(2);
        assertEquals(2, model.roundsCompleted());
        assertEquals(MOVIES, w.items().count(), "the static catalogue publishes nothing");
        assertTrue(log.size() > n, "users consumed in the simulated rounds");
        model.finish();
    }

    @Test
    void aRunFromTheDataIsTheSameAtOneAndTwoThreads() throws Exception {
        LoadedScenario s = scenario(4, List.of());
        RunResult one = Runner.run(s, new Runner.Options(dir.resolve("one"), 1, null));
        RunResult two = Runner.run(s, new Runner.Options(dir.resolve("two"), 2, null));
        assertTrue(one.completed() && two.completed());
        assertEquals(4, one.manifest().roundsCompleted());
        assertTrue(one.clicks() > 0);
        assertEquals(RunDatabase.digest(one.runDir()), RunDatabase.digest(two.runDir()));
        RunResult otherSeed = Runner.run(new ScenarioLoader().load("ratings.yaml",
                        MovieLensFixture.scenario(dir.resolve("ml"), USERS, 4), List.of("seed=4")),
                new Runner.Options(dir.resolve("three"), 1, null));
        assertTrue(!RunDatabase.digest(one.runDir()).equals(RunDatabase.digest(otherSeed.runDir())),
                "the digest sees the run");
    }

    @Test
    void furtherPopulationsResampleTheDataUsers() throws Exception {
        Path data = dir.resolve("ml");
        MovieLensFixture.write(data, USERS, MOVIES, 5);
        String text = MovieLensFixture.scenario(data, USERS, 1).replace("""
                users:
                  count: %d
                  model: utility-world
                  params: {utilityVariance: 0.0, knownShare: 1.0, knownVariance: 0.0}
                """.formatted(USERS), """
                users:
                  populations:
                    - {name: real, count: %d, model: utility-world}
                    - {name: newcomers, count: 7, model: utility-world}
                """.formatted(USERS));
        ScenarioWiring wiring = new ScenarioWiring(new ScenarioLoader().load("p.yaml", text, List.of()).scenario());
        RecEcoModel model = new RecEcoModel(wiring);
        model.start();
        World w = model.world();
        assertEquals(USERS + 7, w.users().count());
        int d = w.dims();
        float[] prefs = w.users().prefs();
        for (int u = USERS; u < USERS + 7; u++) {
            assertEquals(1, w.users().population(u));
            boolean copy = false;
            for (int v = 0; v < USERS && !copy; v++) {
                copy = java.util.Arrays.equals(prefs, u * d, u * d + d, prefs, v * d, v * d + d);
            }
            assertTrue(copy, "newcomer " + u + " resamples a real user");
        }
        model.finish();
    }

    @Test
    void aSyntheticScenarioHasNoRatingsWorld() throws Exception {
        ScenarioWiring wiring = new ScenarioWiring(new ScenarioLoader().load("s.yaml",
                "name: s\nrounds: 1\nusers: {count: 5, model: simuline}\nauthors: {count: 2, model: news}\n",
                List.of()).scenario());
        new RecEcoModel(wiring).start();
        assertNull(wiring.ratingsWorld());
    }
}
