package org.receco.scenarios.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.receco.core.store.RunDatabase;

/**
 * The end-of-run lines of a run with shilling attacks: per attack, the targets' hit ratio among genuine users
 * before (the round it began, when the recommender had seen no fake rating yet), during and after its window
 * (means of {@code attack.target.hr} over those rounds), the cost, and the stealth verdict of a detector. Reads
 * the run database only; prints nothing for a run without an {@code attack_targets} table.
 */
public final class AttackSummary {
    /**
     * One attack's figures.
     *
     * @param before HR@k in the round the attack began; NaN if not recorded
     */
    public record Line(String attack, String strategy, int start, int end, int accounts, double before,
                       double during, double after, double ratings) {
    }

    /** Where a detector's F1 would be reported; none is wired into this build. */
    static final String DETECTOR = "detector: not available";

    private AttackSummary() {
    }

    /** The attacks of the run in {@code runDir}, in the order they began (empty without attacks). */
    public static List<Line> read(Path runDir) throws SQLException {
        try (Connection c = RunDatabase.openReadOnly(runDir)) {
            return read(c);
        }
    }

    static List<Line> read(Connection c) throws SQLException {
        List<Line> out = new ArrayList<>();
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
                out.add(new Line(rs.getString(1), rs.getString(2), start, end, accounts,
                        mean(c, "attack.target.hr", start, start + 1), mean(c, "attack.target.hr", start + 1, end),
                        mean(c, "attack.target.hr", end, Integer.MAX_VALUE),
                        mean(c, "attack.cost.ratings", Integer.MAX_VALUE - 1, Integer.MAX_VALUE)));
            }
        }
        return out;
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

    /** Prints one line per attack (nothing without attacks). */
    public static void print(List<Line> lines, PrintStream out) {
        for (Line l : lines) {
            out.printf("  attack %-10s %s, %d fake accounts, rounds %d-%d, %.0f fake ratings%n", l.attack(),
                    l.strategy(), l.accounts(), l.start(), l.end() - 1, l.ratings());
            out.printf("    target HR@k     before %.4f | during %.4f | after %.4f (genuine users)%n", l.before(),
                    l.during(), l.after());
            out.printf("    stealth         %s%n", DETECTOR);
        }
    }
}
