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
 * per-metric summary (first, last, min, max), the metric series and the events. Never reads impressions or
 * interactions.
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

    /** The run's events (scenario events, recommender switches, notes) in the order they were recorded. */
    public static List<ChartFiles.Event> events(Connection c) throws SQLException {
        List<ChartFiles.Event> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT round, type, description FROM events ORDER BY seq")) {
            while (rs.next()) {
                out.add(new ChartFiles.Event(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** The value of a {rounds, values} series at {@code round}, or NaN when that round has none. */
    public static double valueAt(double[][] xy, int round) {
        if (xy == null) {
            return Double.NaN;
        }
        for (int k = 0; k < xy[0].length; k++) {
            if (xy[0][k] == round) {
                return xy[1][k];
            }
        }
        return Double.NaN;
    }

    /** The last round of a {rounds, values} series, or -1 when it is empty. */
    public static int lastRound(double[][] xy) {
        return xy == null || xy[0].length == 0 ? -1 : (int) xy[0][xy[0].length - 1];
    }

    /** The first round of a {rounds, values} series, or -1 when it is empty. */
    public static int firstRound(double[][] xy) {
        return xy == null || xy[0].length == 0 ? -1 : (int) xy[0][0];
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
