package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.cli.RecEcoCli;

/**
 * A run killed at any step of its record, the final close included, leaves {@code manifest.json} and the
 * database's {@code run_manifest} saying the same status and round count once a reader has opened the run (the
 * database is the record; {@code RunDatabase.open} derives the file from it). Each child JVM halts as SIGKILL
 * would ({@code Runtime.halt}: no shutdown hook, no finally) at one named step ({@link Runner#HALT_PROPERTY}),
 * so every step is hit exactly, not by timing.
 */
class RecordAgreementTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path tmp;

    @Test
    void bothRecordsAgreeAfterAKillAtEveryStep() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("small.yaml"), """
                name: small
                seed: 3
                rounds: %d
                users: {count: 60}
                authors: {count: 5}
                slate: {size: 6, match: 5, coldStart: 1}
                metrics: {homogenisationPairs: 10}
                """.formatted(ROUNDS));
        List<String> steps = new ArrayList<>(List.of("manifest", "store"));
        for (int r = 0; r < ROUNDS; r++) {
            steps.add("round:" + r);
        }
        steps.addAll(List.of("finish", "close", "json"));
        for (String step : steps) {
            Path out = tmp.resolve("runs-" + step.replace(':', '-'));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-D" + Runner.HALT_PROPERTY + "=" + step, "--add-modules",
                    "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), RecEcoCli.class.getName(),
                    "run", scenario.toString(), "--out", out.toString(), "-q")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve(step.replace(':', '-') + ".log").toFile())
                    .start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), step + ": child did not end");
            String log = Files.readString(tmp.resolve(step.replace(':', '-') + ".log"));
            assertEquals(137, p.exitValue(), step + ": the child should have halted there\n" + log);
            Path runDir;
            try (Stream<Path> s = Files.list(out)) {
                runDir = s.findFirst().orElseThrow();
            }
            Path json = runDir.resolve(RunDatabase.MANIFEST_FILE);
            if (!Files.exists(RunDatabase.file(runDir))) {
                assertEquals(RunManifest.RUNNING, RunManifest.read(json).status(), step);
                assertEquals(0, RunManifest.read(json).roundsCompleted(), step);
                continue;
            }
            String dbStatus;
            int dbRounds;
            int complete;
            try (Connection c = RunDatabase.open(runDir); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, rounds_completed FROM run_manifest")) {
                assertTrue(rs.next(), step);
                dbStatus = rs.getString(1);
                dbRounds = rs.getInt(2);
                complete = RunDatabase.lastCompleteRound(c) + 1;
            } catch (RunDatabase.NotStarted e) {
                // killed before the run's record: the file must not claim any progress either
                assertEquals(RunManifest.RUNNING, RunManifest.read(json).status(), step);
                assertEquals(0, RunManifest.read(json).roundsCompleted(), step);
                continue;
            }
            RunManifest file = RunManifest.read(json);
            assertEquals(dbStatus, file.status(), step + ": manifest.json and run_manifest disagree on the status");
            assertEquals(dbRounds, file.roundsCompleted(), step + ": they disagree on the rounds completed");
            assertEquals(complete, dbRounds, step + ": the record counts exactly the complete rounds");
            assertFalse(Files.exists(runDir.resolve(RunDatabase.MANIFEST_FILE + ".tmp")), step);
            boolean ended = step.equals("finish") || step.equals("close") || step.equals("json");
            assertEquals(ended ? RunManifest.COMPLETED : RunManifest.RUNNING, dbStatus, step);
            if (step.startsWith("round:")) {
                // the store's writer thread may still hold round r when the kill lands; r - 1 is committed
                int r = Integer.parseInt(step.substring(6));
                assertTrue(dbRounds == r || dbRounds == r + 1, step + ": " + dbRounds + " rounds recorded");
            }
        }
    }
}
