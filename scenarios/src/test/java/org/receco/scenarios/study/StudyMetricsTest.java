package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * A study's metrics come from the one catalogue: a scenario run can name the metrics studies report and records
 * the very values the study reports for the same world and seed; only the baseline comparison needs a study.
 */
class StudyMetricsTest {
    private static final Path WORLD = Path.of("feedback-loop", "chaney-world.yaml").toAbsolutePath();
    private static final List<String> SET = List.of("rounds=8", "users.count=40", "recommender.startup=3",
            "recommender.trainFrom=2", "recommender.name=content");
    private static final List<String> METRICS = List.of("homogenisation.nn", "homogenisation.pairs",
            "gini.interactions", "mse", "ndcg.niche", "utility.mainstream", "popularity.slate_live_ratio",
            "popularity.lift", "gini.exposure.item", "clicks");

    @Test
    void aScenarioRunRecordsWhatTheStudyReports(@TempDir Path dir) throws Exception {
        Path study = Files.writeString(dir.resolve("s.yaml"), String.join("\n",
                "scenario: " + WORLD,
                "set: {" + String.join(", ", SET.stream().map(s -> s.replace("=", ": ")).toList()) + "}",
                "arms: {mf: {}}",
                "seed: 3",
                "metrics: [" + String.join(", ", METRICS) + "]",
                ""));
        StudyResult r = StudyRunner.run(StudyDefinition.read(study), ComponentCatalog.standard(), 1, null, null);

        List<String> set = new ArrayList<>(SET);
        set.add("seed=" + StudyRunner.replicateSeed(3, 0));
        set.add("metrics.names=[" + String.join(", ", METRICS) + "]");
        LoadedScenario loaded = new ScenarioLoader(ComponentCatalog.standard()).load(WORLD, set);
        RunResult run = Runner.run(loaded, new Runner.Options(dir.resolve("runs"), 1, null));
        Map<String, Double> recorded = new HashMap<>();
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = RunDatabase.open(run.runDir()); ResultSet rs = c.createStatement()
                .executeQuery("SELECT round, name, \"VALUE\" FROM metrics")) {
            while (rs.next()) {
                recorded.put(rs.getInt(1) + "/" + rs.getString(2), rs.getDouble(3));
                names.add(rs.getString(2));
            }
        }
        int compared = 0;
        for (String m : METRICS) {
            for (int t = 0; t < 8; t++) {
                double v = r.value(m, "mf", 0, t);
                Double live = recorded.get(t + "/" + m);
                if (Double.isNaN(v)) {
                    continue;
                }
                assertEquals(v, live, 0.0, m + " round " + t);
                compared++;
            }
        }
        assertTrue(compared >= 9 * 8, "compared " + compared);
        // Exactly what was asked for, besides the kernel's counters: the group's other metrics are not recorded.
        TreeSet<String> expected = new TreeSet<>(METRICS);
        expected.addAll(List.of("users", "items.live", "exposures", "likes", "like_rate", "utility.per_click"));
        assertEquals(expected, names);
    }

    @Test
    void aScenarioCannotAskForTheBaselineComparison() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioLoader(ComponentCatalog.standard()).load(WORLD,
                        List.of("metrics.names=[homogenisation.similar]")));
        assertTrue(e.getMessage().contains("'homogenisation.similar' is measured against a study's baseline arm"),
                e.getMessage());
    }

    @Test
    void aStudyCanAskForAnyCataloguedMetric() {
        assertEquals(List.copyOf(MetricCatalog.registry().names()), StudyMetrics.known());
        assertTrue(StudyMetrics.known().containsAll(List.of("gini.exposure.item", "popularity.lift",
                "popularity.slate_live_ratio", "homogenisation.similar", "clicks")));
    }
}
