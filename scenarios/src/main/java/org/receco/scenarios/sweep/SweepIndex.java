package org.receco.scenarios.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.receco.scenarios.sweep.SweepPlan.Assignment;
import org.receco.scenarios.sweep.SweepPlan.Point;

/**
 * The sweep index, an H2 database {@code <output>/sweep.mv.db}: the points and their parameter values, and per
 * run its seed, status, error, wall time, the run database's digest, its last-round metrics and its metrics
 * per round. Tables:
 * <ul>
 *   <li>{@code points(point, label)} and {@code point_params(point, name, "VALUE")}: rewritten from the sweep
 *       file on every open;</li>
 *   <li>{@code runs(point, replicate, seed, status, error, rounds_completed, wall_seconds, run_dir,
 *       scenario_sha256, digest)};</li>
 *   <li>{@code run_metrics(point, replicate, name, "VALUE")}: the last round's metrics;</li>
 *   <li>{@code run_rounds(point, replicate, round, name, "VALUE")}: every round's metrics.</li>
 * </ul>
 * One process at a time (H2 locks the file); methods are synchronized so a local pool's workers share one
 * connection. A run's rows are replaced in one transaction, so a killed sweep leaves whole runs only.
 */
public final class SweepIndex implements AutoCloseable {
    /** The index file name inside the output directory. */
    public static final String FILE_NAME = "sweep.mv.db";

    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS points (point INTEGER PRIMARY KEY, label VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS point_params (point INTEGER NOT NULL, name VARCHAR NOT NULL, "
                    + "\"VALUE\" VARCHAR NOT NULL, PRIMARY KEY (point, name))",
            "CREATE TABLE IF NOT EXISTS runs (point INTEGER NOT NULL, replicate INTEGER NOT NULL, seed BIGINT NOT NULL, "
                    + "status VARCHAR NOT NULL, error CHARACTER LARGE OBJECT, rounds_completed INTEGER NOT NULL, "
                    + "wall_seconds DOUBLE PRECISION NOT NULL, run_dir VARCHAR NOT NULL, scenario_sha256 VARCHAR, "
                    + "digest VARCHAR, PRIMARY KEY (point, replicate))",
            "CREATE TABLE IF NOT EXISTS run_metrics (point INTEGER NOT NULL, replicate INTEGER NOT NULL, "
                    + "name VARCHAR NOT NULL, \"VALUE\" DOUBLE PRECISION NOT NULL, PRIMARY KEY (point, replicate, name))",
            "CREATE TABLE IF NOT EXISTS run_rounds (point INTEGER NOT NULL, replicate INTEGER NOT NULL, "
                    + "round INTEGER NOT NULL, name VARCHAR NOT NULL, \"VALUE\" DOUBLE PRECISION NOT NULL, "
                    + "PRIMARY KEY (point, replicate, name, round))");

    /** Tables and their canonical order, for {@link #dump}. */
    private static final Map<String, String> ORDER = new LinkedHashMap<>();

    static {
        ORDER.put("points", "point");
        ORDER.put("point_params", "point, name");
        ORDER.put("runs", "point, replicate");
        ORDER.put("run_metrics", "point, replicate, name");
        ORDER.put("run_rounds", "point, replicate, name, round");
    }

    private final Connection c;

    private SweepIndex(Connection c) {
        this.c = c;
    }

    /** Opens (creating if needed) the index in {@code outputDir}. */
    public static SweepIndex open(Path outputDir) throws SQLException {
        try {
            Files.createDirectories(outputDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + outputDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + outputDir.toAbsolutePath().normalize().resolve("sweep")
                + ";NON_KEYWORDS=VALUE";
        Connection c;
        try {
            c = DriverManager.getConnection(url);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("locked")) {
                throw new SQLException("the sweep index " + outputDir.resolve(FILE_NAME)
                        + " is in use by another process (another sweep or --collect on the same output?)", e);
            }
            throw e;
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        return new SweepIndex(c);
    }

    /** Opens the existing index in {@code outputDir} read-only in spirit (no schema changes), or null if none. */
    public static SweepIndex openExisting(Path outputDir) throws SQLException {
        return Files.isRegularFile(outputDir.resolve(FILE_NAME)) ? open(outputDir) : null;
    }

    /** Replaces the points tables with the plan's points. */
    public synchronized void writePoints(List<Point> points) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             PreparedStatement p = c.prepareStatement("INSERT INTO points VALUES (?, ?)");
             PreparedStatement pp = c.prepareStatement("INSERT INTO point_params VALUES (?, ?, ?)")) {
            s.execute("DELETE FROM point_params");
            s.execute("DELETE FROM points");
            for (Point pt : points) {
                p.setInt(1, pt.index());
                p.setString(2, pt.label());
                p.addBatch();
                for (Assignment a : pt.assignments()) {
                    pp.setInt(1, pt.index());
                    pp.setString(2, a.path());
                    pp.setString(3, a.label());
                    pp.addBatch();
                }
            }
            p.executeBatch();
            pp.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Records a run (replacing an earlier record of the same point and replicate) in one transaction. */
    public synchronized void record(RunRecord r, String runDir) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement del1 = c.prepareStatement("DELETE FROM runs WHERE point = ? AND replicate = ?");
             PreparedStatement del2 = c.prepareStatement("DELETE FROM run_metrics WHERE point = ? AND replicate = ?");
             PreparedStatement del3 = c.prepareStatement("DELETE FROM run_rounds WHERE point = ? AND replicate = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement met = c.prepareStatement("INSERT INTO run_metrics VALUES (?, ?, ?, ?)");
             PreparedStatement rnd = c.prepareStatement("INSERT INTO run_rounds VALUES (?, ?, ?, ?, ?)")) {
            for (PreparedStatement d : List.of(del1, del2, del3)) {
                d.setInt(1, r.point());
                d.setInt(2, r.replicate());
                d.executeUpdate();
            }
            ins.setInt(1, r.point());
            ins.setInt(2, r.replicate());
            ins.setLong(3, r.seed());
            ins.setString(4, r.status());
            ins.setString(5, r.error());
            ins.setInt(6, r.roundsCompleted());
            ins.setDouble(7, r.wallSeconds());
            ins.setString(8, runDir);
            ins.setString(9, r.scenarioSha256());
            ins.setString(10, r.digest());
            ins.executeUpdate();
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                met.setInt(1, r.point());
                met.setInt(2, r.replicate());
                met.setString(3, m.getKey());
                met.setDouble(4, m.getValue() == null ? Double.NaN : m.getValue());
                met.addBatch();
            }
            met.executeBatch();
            for (Map.Entry<String, List<Double>> m : r.rounds().entrySet()) {
                List<Double> values = m.getValue();
                for (int round = 0; round < values.size(); round++) {
                    Double v = values.get(round);
                    if (v == null || v.isNaN()) {
                        continue;
                    }
                    rnd.setInt(1, r.point());
                    rnd.setInt(2, r.replicate());
                    rnd.setInt(3, round);
                    rnd.setString(4, m.getKey());
                    rnd.setDouble(5, v);
                    rnd.addBatch();
                }
            }
            rnd.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A run as the index has it (without the per-round metrics). */
    public record Row(int point, int replicate, long seed, String status, String error, int roundsCompleted,
                      double wallSeconds, String runDir, String scenarioSha256, String digest) {
    }

    /** Every recorded run, by "point/replicate". */
    public synchronized Map<String, Row> runs() throws SQLException {
        Map<String, Row> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT point, replicate, seed, status, error, rounds_completed, wall_seconds, run_dir, "
                        + "scenario_sha256, digest FROM runs ORDER BY point, replicate")) {
            while (rs.next()) {
                Row r = new Row(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getDouble(7), rs.getString(8), rs.getString(9), rs.getString(10));
                out.put(key(r.point(), r.replicate()), r);
            }
        }
        return out;
    }

    static String key(int point, int replicate) {
        return point + "/" + replicate;
    }

    /** The last-round value of {@code metric} per completed run, by "point/replicate". */
    public synchronized Map<String, Double> metric(String metric) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT m.point, m.replicate, m.\"VALUE\" FROM run_metrics m "
                + "JOIN runs r ON r.point = m.point AND r.replicate = m.replicate "
                + "WHERE r.status = 'completed' AND m.name = ?")) {
            p.setString(1, metric);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(key(rs.getInt(1), rs.getInt(2)), rs.getDouble(3));
                }
            }
        }
        return out;
    }

    /** {@code metric} per round of every completed run: "point/replicate" → round → value. */
    public synchronized Map<String, TreeMap<Integer, Double>> curves(String metric) throws SQLException {
        Map<String, TreeMap<Integer, Double>> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT m.point, m.replicate, m.round, m.\"VALUE\" "
                + "FROM run_rounds m JOIN runs r ON r.point = m.point AND r.replicate = m.replicate "
                + "WHERE r.status = 'completed' AND m.name = ?")) {
            p.setString(1, metric);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(key(rs.getInt(1), rs.getInt(2)), k -> new TreeMap<>())
                            .put(rs.getInt(3), rs.getDouble(4));
                }
            }
        }
        return out;
    }

    /** The metric names any run recorded. */
    public synchronized List<String> metricNames() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT name FROM run_metrics ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * The index's contents as text, one line per row, tables and rows in canonical order, without the columns
     * that depend on the machine or the moment ({@code wall_seconds}):
     * two sweeps of the same file give the same dump whatever their threads, order or shards.
     */
    public synchronized String dump() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> t : ORDER.entrySet()) {
                sb.append("# ").append(t.getKey()).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.getKey() + " ORDER BY " + t.getValue())) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int col = 1; col <= n; col++) {
                            String label = rs.getMetaData().getColumnLabel(col).toLowerCase();
                            if (label.equals("wall_seconds")) {
                                continue;
                            }
                            if (!line.isEmpty()) {
                                line.append('\t');
                            }
                            Object v = rs.getObject(col);
                            line.append(v instanceof Double d ? Double.toString(d) : String.valueOf(v));
                        }
                        sb.append(line).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
