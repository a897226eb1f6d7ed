package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;

/**
 * A run killed at any step of its record, the final close included, leaves {@code manifest.json} and the
 * database's {@code run_manifest} saying the same status and round count once a reader has opened the run (the
 * database is the record; {@code RunDatabase.open} derives the file from it). Each child JVM halts as SIGKILL
 * would ({@code Runtime.halt}: no shutdown hook, no finally) at one named step ({@link Runner#HALT_PROPERTY}),
 * so every step is hit exactly, not by timing. The steps include those inside the database's creation: a kill
 * there leaves either no {@code run.mv.db} or one with its whole schema and record, and {@code report} on a run
 * with no complete round says it was stopped before its first round (exit 2, nothing written).
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
        // create:*: inside the store's creation, before its schema's catalogue, after the database under its
        // creation name is closed, and after it is renamed into place
        List<String> steps = new ArrayList<>(List.of("manifest", "create:schema", "create:closed", "create:moved",
                "store"));
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
                assertReadersSayStoppedBeforeTheFirstRound(runDir, step);
                continue;
            }
            try (Connection c = RunDatabase.open(runDir)) {
                // a run.mv.db is never without its whole schema and its record
                assertEquals(org.receco.core.store.Schema.BUILT_IN.size(),
                        RunDatabase.tables(c).stream().filter(org.receco.core.store.StoredTable::builtIn).count(),
                        step);
            } catch (RunDatabase.NotStarted e) {
                throw new AssertionError(step + ": run.mv.db without its record: " + e.getMessage(), e);
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
                throw new AssertionError(step + ": run.mv.db without its record: " + e.getMessage(), e);
            }
            if (complete == 0) {
                assertReadersSayStoppedBeforeTheFirstRound(runDir, step);
            }
            RunManifest file = RunManifest.read(json);
            assertEquals(dbStatus, file.status(), step + ": manifest.json and run_manifest disagree on the status");
            assertEquals(dbRounds, file.roundsCompleted(), step + ": they disagree on the rounds completed");
            assertEquals(complete, dbRounds, step + ": the record counts exactly the complete rounds");
            assertFalse(Files.exists(runDir.resolve(RunDatabase.MANIFEST_FILE + ".tmp")), step);
            boolean ended = step.equals("finish") || step.equals("close") || step.equals("json");
            assertEquals(ended ? RunManifest.COMPLETED : RunManifest.RUNNING, dbStatus, step);
            assertFalse(Files.exists(runDir.resolve(RunDatabase.CREATING_FILE)), step);
            if (step.startsWith("round:")) {
                // the store's writer thread may still hold round r when the kill lands; r - 1 is committed
                int r = Integer.parseInt(step.substring(6));
                assertTrue(dbRounds == r || dbRounds == r + 1, step + ": " + dbRounds + " rounds recorded");
            }
        }
    }

    /** {@code report} on a run killed before its first round: exit 2, one plain line saying so, nothing written. */
    private static void assertReadersSayStoppedBeforeTheFirstRound(Path runDir, String step) throws Exception {
        CliApp cli = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> before;
        try (Stream<Path> s = Files.list(runDir)) {
            before = s.map(Path::toString).sorted().toList();
        }
        assertEquals(RecEcoCli.INVALID_INPUT, cli.execute("report", runDir.toString()), step + ": " + err);
        assertTrue(err.toString().contains("stopped before its first round"), step + ": " + err);
        assertFalse(err.toString().contains("Exception"), step + ": " + err);
        try (Stream<Path> s = Files.list(runDir)) {
            assertEquals(before, s.map(Path::toString).sorted().toList(), step + ": nothing written");
        }
    }
}
