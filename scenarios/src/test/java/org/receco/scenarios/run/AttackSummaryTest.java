package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ScenarioLoader;

class AttackSummaryTest {
    @TempDir
    Path out;

    private String summary(String share) throws Exception {
        RunResult r = Runner.run(new ScenarioLoader().load(Path.of("shilling/bandwagon.yaml"), List.of(
                "users.count=100", "rounds=10", "events.0.round=3", "events.0.end=6", "events.0.share=" + share)),
                new Runner.Options(out.resolve(share), 1, null));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AttackSummary.print(r.runDir(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithAnAttackPrintsItsLineAndTheDetectorsAndOneWithoutPrintsNothing() throws Exception {
        String attacked = summary("0.05");
        assertTrue(attacked.contains("attack bandwagon  bandwagon, 5 fake accounts, rounds 3-5"), attacked);
        assertTrue(attacked.contains("target HR@k     before "), attacked);
        assertTrue(attacked.contains("stealth (F1)      pca-varselect "), attacked);
        assertTrue(attacked.contains("(5 fake, 100 genuine users with ratings"), attacked);
        assertEquals("", summary("0"));
    }
}
