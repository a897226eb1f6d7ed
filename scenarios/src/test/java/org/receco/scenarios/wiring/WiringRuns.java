package org.receco.scenarios.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/** The wiring tests' set-up: play a scenario text as a recorded run, and read rows and metrics back from it. */
final class WiringRuns {
    private WiringRuns() {
    }

    /** Writes {@code scenario} as {@code dir/NAME.yaml} and runs it (with {@code overrides}) into {@code dir/NAME}. */
    static RunResult run(Path dir, String scenario, String name, int threads, String... overrides) throws Exception {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), scenario);
        LoadedScenario loaded = new ScenarioLoader().load(f, List.of(overrides));
        return Runner.run(loaded, new Runner.Options(dir.resolve(name), threads, null));
    }

    /** The first column of every row {@code sql} returns, as text. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every recorded metric value of the run in {@code runDir}, keyed {@code round/name}. */
    static Map<String, Double> metrics(Path runDir) throws SQLException {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = RunDatabase.open(runDir);
             ResultSet rs = c.createStatement().executeQuery("SELECT round, name, value FROM metrics")) {
            while (rs.next()) {
                out.put(rs.getInt(1) + "/" + rs.getString(2), rs.getDouble(3));
            }
        }
        return out;
    }
}
