package org.receco.scenarios.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.receco.scenarios.wiring.WiringRuns.metrics;
import static org.receco.scenarios.wiring.WiringRuns.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.OfflineMetrics;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;

/**
 * Several populations end to end: two declared in {@code users.populations} and a third joining by an
 * {@code add-population} event with many more clicks per round; the run database says who is in which, and
 * metrics restricted to one population ({@code metrics.populations}) differ from the unrestricted ones and are
 * recomputed offline bit for bit.
 */
class ScenarioWiringTest {
    private static final String SCENARIO = """
            name: populations
            seed: 5
            rounds: 6
            users:
              populations:
                - {name: latent, count: 120, model: simuline}
                - {name: eager, count: 30, model: simuline, params: {clicksPerRound: 4}}
            authors: {count: 15}
            slate: {size: 12, match: 9, coldStart: 3}
            store: {interactions: true, impressions: full, snapshotEvery: 1}
            metrics: {homogenisationPairs: 40, k: 5}
            events:
              - {type: add-population, round: 3, name: bots, count: 10, model: simuline,
                 params: {clicksPerRound: 12}}
            """;

    @TempDir
    Path dir;

    private RunResult run(String name, int threads, String... overrides) throws Exception {
        return WiringRuns.run(dir, SCENARIO, name, threads, overrides);
    }

    @Test
    void populationsAreRecordedAndMetricsCanBeRestrictedToOne() throws Exception {
        RunResult all = run("all", 2);
        try (Connection c = RunDatabase.open(all.runDir())) {
            assertEquals(List.of("0 latent simuline 0", "1 eager simuline 0", "2 bots simuline 3"), rows(c,
                    "SELECT id || ' ' || name || ' ' || model || ' ' || joined_round FROM populations ORDER BY id"));
            assertEquals(List.of("latent 120 0 119", "eager 30 120 149", "bots 10 150 159"), rows(c,
                    "SELECT p.name || ' ' || COUNT(*) || ' ' || MIN(u.id) || ' ' || MAX(u.id) FROM users u "
                            + "JOIN populations p ON p.id = u.population GROUP BY p.id, p.name ORDER BY p.id"));
            assertEquals(List.of("3"), rows(c, "SELECT DISTINCT joined_round FROM users WHERE population = 2"));
            // Each population clicks its own budget: the bots' 12 clicks a round land whole, nobody else's
            // exceed theirs (an overwrite would give some user clicks of another's slate, or lose the bots').
            assertEquals(List.of("0 10", "1 4", "2 12"), rows(c, "SELECT u.population || ' ' || MAX(n) FROM "
                    + "(SELECT round, user_id, COUNT(*) n FROM interactions GROUP BY round, user_id) x "
                    + "JOIN users u ON u.id = x.user_id GROUP BY u.population ORDER BY u.population"));
            assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM interactions i LEFT JOIN impressions m "
                    + "ON m.round = i.round AND m.user_id = i.user_id AND m.position = i.position AND m.item = i.item "
                    + "WHERE m.item IS NULL"));
            assertEquals(List.of("add-population"), rows(c, "SELECT type FROM events WHERE round = 3"));
        }
        assertEquals(RunDatabase.digest(all.runDir()), RunDatabase.digest(run("one-thread", 1).runDir()),
                "the same run whatever the thread count");

        RunResult latent = run("latent", 2, "metrics.populations=[latent]");
        Map<String, Double> everyone = metrics(all.runDir());
        Map<String, Double> restricted = metrics(latent.runDir());
        List<String> differ = new ArrayList<>();
        for (String key : restricted.keySet()) {
            if (!restricted.get(key).equals(everyone.get(key))) {
                differ.add(key);
            }
        }
        assertTrue(differ.contains("5/gini.exposure.item"), "exposure over latent users only: " + differ);
        assertTrue(differ.contains("5/homogenisation.click"), differ.toString());
        assertFalse(differ.contains("0/clicks"), "the kernel's own counters are not restricted");

        // Offline recompute from the unrestricted run's database, restricted as the live observer was.
        Map<String, Double> offline = new TreeMap<>();
        OfflineMetrics.compute(all.runDir(), MetricCatalog.create(List.of(),
                        new ScenarioLoader().load(dir.resolve("all.yaml")).scenario().metrics().config()),
                List.of("latent"), (round, name, v) -> offline.put(round + "/" + name, v));
        assertFalse(offline.isEmpty());
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Double> e : offline.entrySet()) {
            Double live = restricted.get(e.getKey());
            if (live == null || Double.doubleToLongBits(live) != Double.doubleToLongBits(e.getValue())) {
                mismatches.add(e.getKey() + " live=" + live + " offline=" + e.getValue());
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
