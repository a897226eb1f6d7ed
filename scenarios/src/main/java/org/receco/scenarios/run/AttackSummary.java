package org.receco.scenarios.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.receco.analysis.shilling.AttackRuns;
import org.receco.analysis.shilling.StealthReport;
import org.receco.core.store.RunDatabase;

/**
 * The end-of-run lines of a run with shilling attacks: per attack, the targets' hit ratio among genuine users
 * before, during and after its window and the cost; then one line of each detector's F1 ({@link AttackRuns}
 * reads them from the run database). Prints nothing for a run without attacks.
 */
public final class AttackSummary {
    private AttackSummary() {
    }

    /** The attacks of the run in {@code runDir}, in the order they began (empty without attacks). */
    public static List<AttackRuns.Attack> read(Path runDir) throws SQLException {
        return AttackRuns.read(runDir);
    }

    /** The detectors' verdict on the run in {@code runDir}; null without attacks or ratings. */
    public static StealthReport stealth(Path runDir) throws SQLException {
        return AttackRuns.stealth(runDir);
    }

    /**
     * Prints the lines of the run in {@code runDir} (nothing without attacks), reading the attacks and the
     * detectors' input through one read-only connection: the end of {@code receco run} opens the finished
     * database once, and a run without attacks skips the detectors.
     */
    public static void print(Path runDir, PrintStream out) throws SQLException {
        try (Connection c = RunDatabase.openReadOnly(runDir)) {
            List<AttackRuns.Attack> lines = AttackRuns.read(c);
            print(lines, lines.isEmpty() ? null : AttackRuns.stealth(c), out);
        }
    }

    /** Prints one line per attack (nothing without attacks). */
    public static void print(List<AttackRuns.Attack> lines, PrintStream out) {
        print(lines, null, out);
    }

    /** Prints one line per attack, then the detectors' F1 if {@code stealth} is given. */
    public static void print(List<AttackRuns.Attack> lines, StealthReport stealth, PrintStream out) {
        for (AttackRuns.Attack l : lines) {
            out.printf("  attack %-10s %s, %d fake accounts, rounds %d-%d, %.0f fake ratings%n", l.attack(),
                    l.strategy(), l.accounts(), l.start(), l.end() - 1, l.ratings());
            out.printf("    target HR@k     before %.4f | during %.4f | after %.4f (genuine users)%n", l.before(),
                    l.during(), l.after());
        }
        if (lines.isEmpty() || stealth == null) {
            return;
        }
        StringBuilder s = new StringBuilder();
        for (StealthReport.Detection d : stealth.detectors()) {
            s.append(s.length() == 0 ? "" : " | ").append(d.detector()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", d.score().f1()));
        }
        out.printf("  stealth (F1)      %s (%d fake, %d genuine users with ratings; lower = stealthier)%n", s,
                stealth.fakeUsers(), stealth.genuineUsers());
    }
}
