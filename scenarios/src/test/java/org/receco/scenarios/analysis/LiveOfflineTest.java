package org.receco.scenarios.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.receco.analysis.data.Need;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.OfflineMetrics;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * Every metric computed offline from a run's database equals, bit for bit, the value the live observer recorded
 * in the same run, whenever the database holds what the metric needs; what it cannot compute is reported.
 */
class LiveOfflineTest {
    static final String SCENARIO = """
            name: live-offline
            seed: 11
            rounds: 7
            users: {count: 150}
            authors: {count: 15}
            slate: {size: 12, match: 9, coldStart: 3}
            store: {interactions: true, impressions: full, snapshotEvery: 1}
            metrics: {homogenisationPairs: 60, k: 5, authorGroupTopics: [0, 1], userGroupTopics: [2]}
            events:
              - {type: breaking-news, round: 3, topic: 1, items: 10, quality: 8.0}
            """;

    @TempDir
    Path dir;

    static RunResult run(Path dir, String yaml, List<String> overrides) throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("s.yaml"), yaml);
        LoadedScenario loaded = new ScenarioLoader(ComponentCatalog.standard()).load(f, overrides);
        return Runner.run(loaded, new Runner.Options(dir.resolve("runs"), 2, null));
    }

    static Map<String, Double> storedMetrics(Path runDir) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = RunDatabase.open(runDir);
             ResultSet rs = c.createStatement().executeQuery("SELECT round, name, value FROM metrics")) {
            while (rs.next()) {
                out.put(rs.getInt(1) + "/" + rs.getString(2), rs.getDouble(3));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bpr", "popular", "random"})
    void offlineEqualsLiveExactly(String recommender) throws Exception {
        RunResult r = run(dir, SCENARIO, List.of("recommender.name=" + recommender));
        Map<String, Double> live = storedMetrics(r.runDir());
        Map<String, Double> offline = new TreeMap<>();
        OfflineMetrics.Result res = OfflineMetrics.compute(r.runDir(),
                MetricCatalog.create(List.of(), r.runDir() == null ? null : configOf()), (round, name, v) ->
                        offline.put(round + "/" + name, v));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Double> e : offline.entrySet()) {
            Double l = live.get(e.getKey());
            if (l == null || Double.doubleToLongBits(l) != Double.doubleToLongBits(e.getValue())) {
                mismatches.add(e.getKey() + " live=" + l + " offline=" + e.getValue());
            }
            compared++;
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches: " + mismatches);
        for (OfflineMetrics.Coverage c : res.coverage()) {
            switch (c.metric()) {
                case "interest.drift" -> {
                    assertEquals(0, c.computed(), c.describe());
                    assertTrue(c.missing().contains(Need.INITIAL_USER_VECTORS), c.describe());
                }
                case "interest.shift" -> {
                    assertEquals(6, c.computed(), "round 0 has no previous snapshot: " + c.describe());
                    assertTrue(c.describe().contains("previous round"), c.describe());
                }
                default -> assertTrue(c.complete(), c.describe());
            }
        }
        // every live value of an offline-complete metric was reproduced
        for (String key : live.keySet()) {
            String name = key.substring(key.indexOf('/') + 1);
            if (MetricCatalog.registry().find(name).map(MetricCatalog.Entry::offline).orElse(false)
                    && !name.startsWith("interest.")) {
                assertTrue(offline.containsKey(key), "offline lacks " + key);
            }
        }
        assertTrue(compared > 7 * 30, "compared " + compared);
    }

    static org.receco.analysis.metrics.MetricConfig configOf() {
        return new org.receco.analysis.metrics.MetricConfig(60, 5, List.of(0, 1), List.of(2), 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sampled"})
    void aRunWithoutFullImpressionsOrSnapshotsSaysWhatItCannotCompute(String mode) throws Exception {
        RunResult r = run(dir, SCENARIO, List.of("store.impressions=" + mode, "store.snapshotEvery=0"));
        OfflineMetrics.Result res = OfflineMetrics.compute(r.runDir(), MetricCatalog.create(List.of(), configOf()),
                (round, name, v) -> { });
        Map<String, OfflineMetrics.Coverage> by = new TreeMap<>();
        res.coverage().forEach(c -> by.put(c.metric(), c));
        assertEquals(0, by.get("gini.exposure.item").computed());
        assertTrue(by.get("gini.exposure.item").describe().contains("store.impressions: full"),
                by.get("gini.exposure.item").describe());
        assertEquals(0, by.get("diversity.ils").computed());
        assertTrue(by.get("gini.click.item").complete());
        assertEquals(7, by.get("accuracy.ndcg").computed());
        assertFalse(by.get("users.distance.topic").complete());
    }
}
