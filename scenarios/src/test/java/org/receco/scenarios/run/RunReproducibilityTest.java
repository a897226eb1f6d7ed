package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.receco.agents.Components;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;

/**
 * The same scenario and seed give identical database contents (SHA-256 over every table, wall-clock columns
 * left out), whatever the thread count; another seed gives different contents. Uses the bundled news
 * scenario with every recording option on, shrunk so the test stays fast.
 */
class RunReproducibilityTest {
    @TempDir
    Path out;

    private String digest(long seed, int threads, String recommender) throws Exception {
        List<String> sets = new ArrayList<>(List.of("users.count=300", "authors.count=30", "rounds=8",
                "seed=" + seed, "recommender.name=" + recommender, "store.impressions=full", "store.snapshotEvery=3",
                "events.0.round=4"));
        var loaded = new ScenarioLoader().load(Path.of("news-ecosystem.yaml"), sets);
        RunResult r = Runner.run(loaded, new Runner.Options(out.resolve(seed + "-" + threads + "-" + recommender),
                threads, null));
        return RunDatabase.digest(r.runDir());
    }

    @Test
    void sameSeedSameDatabaseWhateverTheThreadsOtherSeedDifferent() throws Exception {
        String a = digest(11, 1, "bpr");
        assertEquals(a, digest(11, 2, "bpr"), "1 vs 2 threads");
        assertEquals(a, digest(11, 2, "bpr"), "the same run twice");
        assertNotEquals(a, digest(12, 2, "bpr"), "another seed");
    }

    /** Every registered recommender, so one is covered the day it is registered. */
    static Stream<String> recommenders() {
        return Components.RECOMMENDERS.names().stream();
    }

    @ParameterizedTest
    @MethodSource("recommenders")
    void everyRecommenderIsReproducibleAcrossThreadCounts(String rec) throws Exception {
        assertEquals(digest(3, 1, rec), digest(3, 2, rec), rec);
    }
}
