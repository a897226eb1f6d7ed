package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;

/**
 * A run on a disk that fills up, and a run read from a disk that cannot be written: both on a real 8 MB tmpfs
 * (mounted by the test; skipped with a message where the machine does not let it mount one).
 */
class DiskFaultsTest {
    @TempDir
    Path tmp;
    private Path mount;

    private void mountTmpfs(String size) throws Exception {
        mount = Files.createDirectories(tmp.resolve("disk"));
        int rc = sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString());
        if (rc != 0) {
            mount = null;
        }
        assumeTrue(mount != null, "cannot mount a tmpfs here (needs root): disk-full tests skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            sh("umount", "-l", mount.toString());
        }
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void aFullDiskStopsTheRunBetweenRoundsAndLeavesAStoreThatOpensWithEveryCompleteRound() throws Exception {
        mountTmpfs("8m");
        Path dir = mount.resolve("run");
        TinyWiring w = new TinyWiring(7, 100_000, 2000, 1);
        RunManifest m = TinyRun.manifest(w);
        RecEcoModel model = new RecEcoModel(w);
        H2RunStore store = new H2RunStore(dir, StoreOptions.everything(5).withBackground(true));
        m.write(dir.resolve(RunDatabase.MANIFEST_FILE));
        model.setSink(store, m);
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> {
            model.start();
            model.runToEnd();
        });
        assertTrue(full.getMessage().contains("the disk holding " + dir + " is full"), full.getMessage());
        assertTrue(full.getMessage().contains(" MB free"), full.getMessage());
        int completed = model.roundsCompleted();
        assertTrue(completed > 0, "some rounds fit on 8 MB");
        model.finish();
        RunManifest end = m.withProgress(completed).ended(RunManifest.FAILED, Instant.now().toString(),
                full.getMessage());
        store.finish(end); // the end of the run is recorded on the full disk
        store.close();
        end.write(dir.resolve(RunDatabase.MANIFEST_FILE));
        assertFalse(Files.exists(dir.resolve("manifest.json.tmp")));

        fillUp(mount);
        try (Connection c = RunDatabase.open(dir)) {
            int last = RunDatabase.lastCompleteRound(c);
            assertTrue(last >= completed - 2, "last " + last + ", completed " + completed);
            assertEquals(RunManifest.FAILED, string(c, "SELECT status FROM run_manifest"));
            assertEquals(number(c, "SELECT value FROM metrics WHERE name = 'clicks' AND round = " + last),
                    number(c, "SELECT COUNT(*) FROM interactions WHERE round = " + last));
            assertEquals(0, number(c, "SELECT COUNT(*) FROM interactions WHERE round > " + last));
        }
        assertEquals(RunManifest.FAILED, RunManifest.read(dir.resolve(RunDatabase.MANIFEST_FILE)).status());
    }

    @Test
    void aManifestThatCannotBeWrittenLeavesTheOldOneAndNoTempFile() throws Exception {
        mountTmpfs("1m");
        Path file = mount.resolve(RunDatabase.MANIFEST_FILE);
        RunManifest m = TinyRun.manifest(new TinyWiring(1, 3, 10, 1));
        m.write(file);
        fillUp(mount);
        RunManifest big = m.ended(RunManifest.FAILED, "now", "x".repeat(4 << 20));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> big.write(file));
        assertTrue(e.getMessage().contains("cannot write " + file + ": No space left on device"), e.getMessage());
        assertFalse(Files.exists(file.resolveSibling("manifest.json.tmp")));
        assertEquals(RunManifest.RUNNING, RunManifest.read(file).status());
    }

    @Test
    void aRunOnAReadOnlyDiskOpensReadOnlyAndReadsAsRecorded() throws Exception {
        mountTmpfs("8m");
        Path dir = mount.resolve("run");
        TinyWiring w = new TinyWiring(9, 10, 25, 1);
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(2))) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, TinyRun.manifest(w));
            model.start();
            model.runUntil(4); // killed, in effect: never finished
        }
        String digest = RunDatabase.digest(dir);
        assertEquals(0, sh("mount", "-o", "remount,ro", mount.toString()));
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(3, RunDatabase.lastCompleteRound(c));
            assertEquals(RunManifest.RUNNING, string(c, "SELECT status FROM run_manifest"));
            assertEquals(digest, RunDatabase.digest(c));
        }
    }

    /** Fills the file system until not even a small file fits. */
    private static void fillUp(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[64 << 10];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            // No space left on device
        }
    }

    private static String string(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static double number(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getDouble(1);
        }
    }
}
