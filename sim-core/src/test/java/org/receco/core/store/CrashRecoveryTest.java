package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.receco.core.RunManifest;
import org.receco.core.testkit.CrashRunMain;

/**
 * Kills a run with SIGKILL ({@link Process#destroyForcibly()} on Linux) part-way and checks the database it
 * leaves: it opens, holds every round up to the last complete one in full and nothing of later rounds, and
 * its manifest still says running. Timing varies where the kill lands (inside a round's transaction or
 * between rounds); nothing here asserts on time.
 */
class CrashRecoveryTest {
    private static final int MIN_ROUND = 3;
    private static final long START_TIMEOUT_S = 180;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "background={0}, extra delay {1} ms")
    @CsvSource({"false, 0", "false, 173", "true, 0", "true, 173"})
    void killedRunIsReadableUpToItsLastCompleteRound(boolean background, int extraDelayMs) throws Exception {
        Path dir = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashRunMain.class.getName(), dir.toString(), Boolean.toString(background))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        int printed;
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            }, "crash-test-reader");
            reader.setDaemon(true);
            reader.start();
            printed = waitForRound(p, lines, output);
            if (extraDelayMs > 0) {
                Thread.sleep(extraDelayMs);
            }
            String line;
            while ((line = lines.poll()) != null) {
                printed = Math.max(printed, committedRound(line, output));
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not die");
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");

        try (Connection c = RunDatabase.open(dir)) {
            int last = RunDatabase.lastCompleteRound(c);
            assertTrue(last >= 0);
            // Every round the child reported as committed is on file (background: all but the latest).
            assertTrue(last >= printed - (background ? 1 : 0), "last complete " + last + ", printed " + printed);
            assertEquals(last + 1, count(c, "SELECT COUNT(*) FROM rounds"));
            assertEquals(last + 1, count(c, "SELECT rounds_completed FROM run_manifest"));
            assertEquals(RunManifest.RUNNING, string(c, "SELECT status FROM run_manifest"));

            double clicks = number(c, "SELECT value FROM metrics WHERE name = 'clicks' AND round = " + last);
            assertTrue(clicks > 0);
            assertEquals((long) clicks, count(c, "SELECT COUNT(*) FROM interactions WHERE round = " + last));
            double exposures = number(c, "SELECT value FROM metrics WHERE name = 'exposures' AND round = " + last);
            assertEquals((long) exposures, count(c, "SELECT COUNT(*) FROM impressions WHERE round = " + last));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM metrics m WHERE m.name = 'clicks' AND m.value <>"
                    + " (SELECT COUNT(*) FROM interactions i WHERE i.round = m.round)"));

            for (String table : List.of("interactions", "impressions", "metrics", "snapshots")) {
                assertEquals(0, count(c, "SELECT COUNT(*) FROM " + table + " WHERE round > " + last), table);
            }
            assertTrue(count(c, "SELECT COALESCE(MAX(created_round), -1) FROM items") <= last);
            assertEquals((last + 1) * 10L, count(c, "SELECT COUNT(*) FROM items"));
            assertFalse(RunDatabase.digest(c).isEmpty());
        }
        assertEquals(RunDatabase.lastCompleteRound(dir), RunDatabase.lastCompleteRound(dir), "reopens");
    }

    private static int waitForRound(Process p, BlockingQueue<String> lines, List<String> output)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        int printed = -1;
        while (printed < MIN_ROUND) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                printed = Math.max(printed, committedRound(line, output));
            } else if (!p.isAlive()) {
                fail("child exited early with " + p.exitValue() + ": " + String.join("\n", output));
            } else if (System.nanoTime() > deadline) {
                fail("child did not reach round " + MIN_ROUND + " in " + START_TIMEOUT_S + " s: "
                        + String.join("\n", output));
            }
        }
        return printed;
    }

    private static int committedRound(String line, List<String> output) {
        if (line.startsWith("committed ")) {
            return Integer.parseInt(line.substring("committed ".length()).trim());
        }
        output.add(line);
        return -1;
    }

    private static long count(Connection c, String sql) throws SQLException {
        return (long) number(c, sql);
    }

    private static double number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            double v = rs.getDouble(1);
            assertFalse(rs.wasNull(), sql);
            assertNotNull(rs.getObject(1));
            return v;
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
