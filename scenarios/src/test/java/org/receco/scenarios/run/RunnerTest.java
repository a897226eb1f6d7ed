package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.model.Scenario;

/**
 * Run directory names (what differs between runs of one file, the recommender, is in the name), and how many
 * cores a run's recording takes.
 */
class RunnerTest {
    @TempDir
    Path dir;

    private Scenario scenario(String name, String... sets) throws IOException {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nseed: 7\n");
        return new ScenarioLoader().load(f, List.of(sets)).scenario();
    }

    @Test
    void runDirectoryNamesTheRecommender() throws IOException {
        Scenario random = scenario("news", "recommender.name=random");
        Scenario popular = scenario("news", "recommender.name=popular");
        Path a = Runner.createRunDir(dir.resolve("out"), random);
        Path b = Runner.createRunDir(dir.resolve("out"), popular);
        assertTrue(a.getFileName().toString().matches("news-random-\\d{8}-\\d{6}-s7"), a.toString());
        assertTrue(b.getFileName().toString().matches("news-popular-\\d{8}-\\d{6}-s7"), b.toString());
        // the same scenario twice within a second: a suffix, not a clash
        Path again = Runner.createRunDir(dir.resolve("out"), random);
        assertNotEquals(a, again);
        assertTrue(Files.isDirectory(again));
    }

    @Test
    void aNameEndingWithTheRecommenderIsNotRepeated() throws IOException {
        assertEquals("news-bpr", Runner.runDirStem(scenario("news-bpr", "recommender.name=bpr")));
        assertEquals("news-bpr-random", Runner.runDirStem(scenario("news-bpr", "recommender.name=random")));
        assertEquals("my-run-content", Runner.runDirStem(scenario("my run", "recommender.name=content")));
    }

    /** The ids of live threads named as the store's writer thread. */
    private static Set<Long> storeWriters() {
        Set<Long> ids = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && "receco-store-writer".equals(t.getName())) {
                ids.add(t.getId());
            }
        }
        return ids;
    }

    /** Plays a small recorded run on {@code threads} workers; returns the writer threads that appeared in it. */
    private Set<Long> writersDuringRun(int threads) throws IOException {
        Path f = Files.writeString(dir.resolve("small-" + threads + ".yaml"),
                "name: small\nseed: 3\nrounds: 4\nusers: {count: 200}\nauthors: {count: 20}\n");
        var loaded = new ScenarioLoader().load(f, List.of());
        Set<Long> before = storeWriters();
        Set<Long> seen = new HashSet<>();
        Progress watch = new Progress() {
            @Override
            public void start(String task, int rounds) {
            }

            @Override
            public void round(int done, int rounds) {
                seen.addAll(storeWriters());
            }

            @Override
            public void stop() {
            }
        };
        Runner.run(loaded, new Runner.Options(dir.resolve("out-" + threads), threads, watch));
        seen.removeAll(before);
        return seen;
    }

    /**
     * A run given one core (as every run of a sweep or study is) inserts its rows on its own thread; a run
     * with a second core hands them to the store's writer thread to overlap with the next round.
     */
    @Test
    void aRunOnOneCoreRecordsOnItsOwnThread() throws IOException {
        assertTrue(writersDuringRun(1).isEmpty(), "no writer thread with --threads 1");
        assertEquals(1, writersDuringRun(2).size(), "one writer thread with --threads 2");
    }
}
