package org.receco.analysis.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Runner;

/**
 * Small real runs of the bundled news scenario for the report tests: 300 users, the breaking-news event moved to
 * round {@value #EVENT_ROUND}, snapshots every 4 rounds; a run takes about a second.
 */
final class ReportFixtures {
    static final Path SCENARIO = Path.of("..", "scenarios", "news-ecosystem.yaml");
    static final int EVENT_ROUND = 4;

    private ReportFixtures() {
    }

    /** Runs the scenario with {@code recommender} for {@code rounds} rounds; returns the run directory. */
    static Path run(Path out, String recommender, int rounds) {
        List<String> sets = new ArrayList<>(List.of("recommender.name=" + recommender, "rounds=" + rounds,
                "users.count=300", "events.0.round=" + EVENT_ROUND, "store.snapshotEvery=4"));
        LoadedScenario loaded = new ScenarioLoader(ComponentCatalog.standard()).load(SCENARIO, sets);
        return Runner.run(loaded, new Runner.Options(out, 2, null, recommender + "-" + rounds)).runDir();
    }

    /** A metric's value at {@code round}, read with its own SQL (not through {@link RunReader}); NaN if absent. */
    static double value(Path runDir, String metric, int round) throws SQLException {
        try (Connection c = RunDatabase.open(runDir);
             PreparedStatement ps = c.prepareStatement("SELECT \"VALUE\" FROM metrics WHERE name = ? AND round = ?")) {
            ps.setString(1, metric);
            ps.setInt(2, round);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : Double.NaN;
            }
        }
    }

    /** The first or last round a metric was recorded in. */
    static int round(Path runDir, String metric, boolean last) throws SQLException {
        try (Connection c = RunDatabase.open(runDir); PreparedStatement ps = c.prepareStatement(
                "SELECT " + (last ? "MAX" : "MIN") + "(round) FROM metrics WHERE name = ?")) {
            ps.setString(1, metric);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
