package org.receco.analysis.shilling;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.receco.core.store.RunDatabase;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ReviewLog;

/**
 * A run's shilling attacks as its database records them: per attack ({@code attack_targets}), the targets' hit
 * ratio among genuine users before (the round it began, when the recommender had seen no fake rating yet), during
 * and after its window (means of {@code attack.target.hr} over those rounds) and its cost; and, once for the run,
 * the detectors' verdict ({@link StealthReport}) scored against {@code users.fake}. Read by the run summary and
 * the report.
 */
public final class AttackRuns {
    /**
     * One attack's figures.
     *
     * @param before HR@k in the round the attack began; NaN if not recorded
     */
    public record Attack(String attack, String strategy, int start, int end, int accounts, double before,
                         double during, double after, double ratings) {
    }

    private AttackRuns() {
    }

    /** The attacks of the run in {@code runDir}, in the order they began (empty without attacks). */
    public static List<Attack> read(Path runDir) throws SQLException {
        try (Connection c = RunDatabase.openReadOnly(runDir)) {
            return read(c);
        }
    }

    public static List<Attack> read(Connection c) throws SQLException {
        List<Attack> out = new ArrayList<>();
        if (!c.getMetaData().getTables(null, null, "ATTACK_TARGETS", null).next()) {
            return out;
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT attack, MIN(strategy), MIN(start_round), "
                + "MIN(end_round), MIN(population) FROM attack_targets GROUP BY attack ORDER BY MIN(start_round), "
                + "MIN(population)")) {
            while (rs.next()) {
                int start = rs.getInt(3);
                int end = rs.getInt(4);
                int accounts = count(c, "SELECT COUNT(*) FROM users WHERE population = " + rs.getInt(5));
                out.add(new Attack(rs.getString(1), rs.getString(2), start, end, accounts,
                        mean(c, "attack.target.hr", start, start + 1), mean(c, "attack.target.hr", start + 1, end),
                        mean(c, "attack.target.hr", end, Integer.MAX_VALUE),
                        mean(c, "attack.cost.ratings", Integer.MAX_VALUE - 1, Integer.MAX_VALUE)));
            }
        }
        return out;
    }

    /**
     * The detectors' verdict on the run in {@code runDir}, from the store's ratings, reviews and fake labels; null
     * for a run without attacks or without explicit ratings.
     */
    public static StealthReport stealth(Path runDir) throws SQLException {
        try (Connection c = RunDatabase.openReadOnly(runDir)) {
            return stealth(c);
        }
    }

    public static StealthReport stealth(Connection c) throws SQLException {
        if (!hasTable(c, "ATTACK_TARGETS") || !hasTable(c, "RATINGS")) {
            return null;
        }
        int users = count(c, "SELECT COALESCE(MAX(id), -1) + 1 FROM users");
        boolean[] fake = new boolean[users];
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM users WHERE fake")) {
            while (rs.next()) {
                fake[rs.getInt(1)] = true;
            }
        }
        FeedbackLog log = new FeedbackLog();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT round, user_id, item_id, rating FROM ratings ORDER BY round, user_id, item_id")) {
            while (rs.next()) {
                int r = rs.getInt(1);
                log.beginRound(Math.max(0, r));
                log.add(rs.getInt(2), rs.getInt(3), r, rs.getInt(4) >= 4, rs.getInt(4));
            }
        }
        ReviewLog reviews = new ReviewLog();
        if (hasTable(c, "REVIEWS")) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT round, user_id, item_id, text FROM reviews ORDER BY round, user_id, item_id")) {
                while (rs.next()) {
                    reviews.add(rs.getInt(2), rs.getInt(3), rs.getInt(1), rs.getString(4));
                }
            }
        }
        return StealthReport.of(log, reviews, fake, users);
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Mean of metric {@code name} over rounds {@code [from, to)}; the last round's value for the cost query. */
    private static double mean(Connection c, String name, int from, int to) throws SQLException {
        String sql = from == Integer.MAX_VALUE - 1
                ? "SELECT value FROM metrics WHERE name = ? ORDER BY round DESC LIMIT 1"
                : "SELECT AVG(value) FROM metrics WHERE name = ? AND round >= ? AND round < ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            if (from != Integer.MAX_VALUE - 1) {
                ps.setInt(2, from);
                ps.setInt(3, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Double.NaN;
                }
                double v = rs.getDouble(1);
                return rs.wasNull() ? Double.NaN : v;
            }
        }
    }
}
