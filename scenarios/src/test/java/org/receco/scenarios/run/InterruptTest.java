package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.cli.RecEcoCli;

/**
 * Ctrl-C on {@code receco run}: a child JVM gets SIGINT while it plays (in a round or between two, wherever it
 * lands) and must stop after a complete round, record {@code interrupted} with the same round count in the
 * database and in {@code manifest.json}, and say in one line where the run is.
 */
class InterruptTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsAfterACompleteRoundAndBothRecordsSayInterrupted() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("long.yaml"), """
                name: long
                seed: 5
                rounds: 20000
                users: {count: 400}
                authors: {count: 10}
                slate: {size: 10, match: 8, coldStart: 2}
                metrics: {homogenisationPairs: 20}
                """);
        // 20,000 rounds outlast the signal by far; validation refuses a run estimated beyond the heap, and every
        // published item stays in the store, so the heap is sized for the rounds.
        Path out = tmp.resolve("runs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), RecEcoCli.class.getName(), "run", scenario.toString(),
                "--out", out.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path runDir;
        try {
            runDir = awaitDatabase(p, out);
            // a few committed rounds before the signal, so N > 0 is exercised too (waiting, not asserting, on time)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.size(RunDatabase.file(runDir)) < (1 << 20) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not stop after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), log);
        assertFalse(log.contains("Exception"), log);

        RunManifest file = RunManifest.read(runDir.resolve(RunDatabase.MANIFEST_FILE));
        assertEquals(RunManifest.INTERRUPTED, file.status(), log);
        int n = file.roundsCompleted();
        assertTrue(log.contains("receco run: interrupted: stopped after " + n + " complete rounds of 20000; "
                + "the run is in " + runDir + "; read it with: receco report " + runDir), log);
        try (Connection c = RunDatabase.open(runDir); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, rounds_completed FROM run_manifest")) {
            assertTrue(rs.next());
            assertEquals(RunManifest.INTERRUPTED, rs.getString(1));
            assertEquals(n, rs.getInt(2));
            assertEquals(n, RunDatabase.lastCompleteRound(c) + 1, "nothing partial: every recorded round complete");
        }
        assertEquals(RunManifest.INTERRUPTED, RunManifest.read(runDir.resolve(RunDatabase.MANIFEST_FILE)).status(),
                "opening agreed with the file as it was");
    }

    private static Path awaitDatabase(Process p, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("child exited early with " + p.exitValue());
            }
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    List<Path> dirs = s.toList();
                    if (dirs.size() == 1 && Files.exists(RunDatabase.file(dirs.get(0)))) {
                        return dirs.get(0);
                    }
                }
            }
            Thread.sleep(50);
        }
        fail("child wrote no database in 180 s");
        return null;
    }
}
