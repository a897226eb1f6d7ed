package org.receco.analysis.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what reports need from a run database, aggregating in SQL: the manifest, the recommenders used, the
 * per-metric summary (first, last, min, max) and the metric series. Never reads impressions or interactions.
 */
public final class RunReader {
    /** The manifest row. */
    public record Manifest(String scenarioName, String scenarioText, long seed, int roundsPlanned,
                           int roundsCompleted, String status, String startedAt, String endedAt) {
    }

    /** Summary of one metric over the run. */
    public record Summary(String name, int rounds, double first, double last, double min, double max) {
    }

    private RunReader() {
    }

    public static Manifest manifest(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT scenario_name, scenario_text, "
                + "seed, rounds_planned, rounds_completed, status, started_at, ended_at FROM run_manifest WHERE id = 1")) {
            if (!rs.next()) {
                throw new SQLException("the run database has no manifest");
            }
            return new Manifest(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                    rs.getString(6), rs.getString(7), rs.getString(8));
        }
    }

    /** Recommenders in force, in order of first use. */
    public static List<String> recommenders(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT recommender, MIN(round) r FROM rounds GROUP BY recommender ORDER BY r")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Per metric name: rounds recorded, first, last, min and max value (one SQL aggregate). */
    public static List<Summary> summary(Connection c) throws SQLException {
        List<Summary> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT m.name, COUNT(*), MIN(m."VALUE"), MAX(m."VALUE"),
                  (SELECT f."VALUE" FROM metrics f WHERE f.name = m.name ORDER BY f.round LIMIT 1),
                  (SELECT l."VALUE" FROM metrics l WHERE l.name = m.name ORDER BY l.round DESC LIMIT 1)
                FROM metrics m GROUP BY m.name ORDER BY m.name""")) {
            while (rs.next()) {
                out.add(new Summary(rs.getString(1), rs.getInt(2), rs.getDouble(5), rs.getDouble(6), rs.getDouble(3),
                        rs.getDouble(4)));
            }
        }
        return out;
    }

    /** Every metric series: name → {rounds, values}, names in alphabetical order. */
    public static Map<String, double[][]> series(Connection c) throws SQLException {
        Map<String, List<double[]>> tmp = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, round, \"VALUE\" FROM metrics ORDER BY name, round")) {
            while (rs.next()) {
                tmp.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new double[] {rs.getInt(2), rs.getDouble(3)});
            }
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        tmp.forEach((name, pts) -> {
            double[][] xy = new double[2][pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                xy[0][k] = pts.get(k)[0];
                xy[1][k] = pts.get(k)[1];
            }
            out.put(name, xy);
        });
        return out;
    }

    /** Rounds that have a snapshot of user vectors. */
    public static List<Integer> snapshotRounds(Connection c) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT round FROM snapshots WHERE kind = 'user' ORDER BY round");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
