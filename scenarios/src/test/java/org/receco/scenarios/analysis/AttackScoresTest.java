package org.receco.scenarios.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.AttackScores;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@link AttackScores} on a real bandwagon attack: under BPR the targets climb the genuine users' rankings and
 * their scores rise (a positive prediction shift), and nothing is recorded before the attack begins.
 */
class AttackScoresTest {
    @TempDir
    Path out;

    @Test
    void aBandwagonPushRaisesTheTargetsScoresAndRanks() throws Exception {
        RunResult r = Runner.run(new ScenarioLoader().load(Path.of("shilling/bandwagon.yaml"), List.of(
                "users.count=150", "rounds=22", "events.0.round=8", "events.0.end=16", "store.interactions=false",
                "metrics.names=[attack.target.rank, attack.prediction_shift, attack.target.hr]")),
                new Runner.Options(out, 1, null));
        try (Connection c = RunDatabase.open(r.runDir())) {
            ResultSet rs = c.createStatement().executeQuery("SELECT MIN(round) FROM metrics WHERE name = '"
                    + AttackScores.RANK + "'");
            rs.next();
            assertTrue(rs.getInt(1) == 8, "first recorded in round " + rs.getInt(1));
            double before = value(c, AttackScores.RANK, "round = 8");
            double late = value(c, AttackScores.RANK, "round >= 16");
            double shift = value(c, AttackScores.SHIFT, "round >= 16");
            // 300 live items: a target drawn from the least popular fifth starts mid-table (BPR has no positives
            // for it); the push must lift its mean rank by a fifth at least (seen: 148 to 89), and raise its score
            assertTrue(late < 0.8 * before, "rank " + before + " at the start, " + late + " after");
            assertTrue(shift > 0, "prediction shift " + shift);
        }
    }

    private static double value(Connection c, String name, String where) throws Exception {
        ResultSet rs = c.createStatement().executeQuery("SELECT AVG(\"VALUE\") FROM metrics WHERE name = '" + name
                + "' AND " + where);
        rs.next();
        return rs.getDouble(1);
    }
}
