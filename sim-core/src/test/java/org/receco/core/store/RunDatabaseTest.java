package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RecEcoModel;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;

/**
 * {@link RunDatabase#open} removes what a killed writer left of its unfinished round. H2 does not always roll
 * such a round back (seen in about 3 % of SIGKILLs in {@link CrashRecoveryTest}'s setting), and when it does not,
 * the leftovers look exactly like committed rows of a round with no {@code rounds} row; these tests write such
 * rows by hand, since a kill cannot be made to leave them on purpose.
 */
class RunDatabaseTest {
    @TempDir
    Path tmp;

    /**
     * The tables written round by round, with the round column each row of round 4 is given; interactions and
     * impressions are views, so their leftovers are rows of their storage ({@link Schema#PACKED}), one click
     * and one slate position each.
     */
    private static final List<String> LEFTOVERS = List.of(
            "INSERT INTO user_clicks VALUES (4, 0, ARRAY[0], ARRAY[0], ARRAY[0], ARRAY[TRUE], ARRAY[0.5])",
            "INSERT INTO user_slates VALUES (4, 0, ARRAY[0], ARRAY[0], ARRAY[0], ARRAY[1])",
            "INSERT INTO metrics VALUES (4, 'clicks', 1.0)",
            "INSERT INTO snapshots VALUES (4, 'user', 0, 0, ARRAY[1.0])",
            "INSERT INTO events VALUES (100000, 4, 'note', 'left over')",
            "INSERT INTO items VALUES (100000, 0, 4, 0.5, 0)",
            "INSERT INTO users VALUES (100000, 0, 0, 4, FALSE)",
            "INSERT INTO authors VALUES (100000, 0, 4)");

    private static final String LATER = "SELECT (SELECT COUNT(*) FROM interactions WHERE round > 3)"
            + " + (SELECT COUNT(*) FROM impressions WHERE round > 3) + (SELECT COUNT(*) FROM metrics WHERE round > 3)"
            + " + (SELECT COUNT(*) FROM snapshots WHERE round > 3) + (SELECT COUNT(*) FROM events WHERE round > 3)"
            + " + (SELECT COUNT(*) FROM items WHERE created_round > 3)"
            + " + (SELECT COUNT(*) FROM users WHERE joined_round > 3)"
            + " + (SELECT COUNT(*) FROM authors WHERE joined_round > 3)";

    private static final String EARLIER = "SELECT (SELECT COUNT(*) FROM interactions) + (SELECT COUNT(*) FROM"
            + " impressions) + (SELECT COUNT(*) FROM metrics) + (SELECT COUNT(*) FROM items)"
            + " + (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM events)";

    /** A run stopped after 4 complete rounds (0–3) without finishing: its manifest still says running. */
    private Path stoppedRun() {
        Path dir = tmp.resolve("run");
        TinyWiring w = new TinyWiring(9, 10, 25, 1);
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(2))) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, TinyRun.manifest(w));
            model.start();
            model.runUntil(4);
        }
        return dir;
    }

    /** Writes and commits {@link #LEFTOVERS} behind the reader's back (a plain connection, no repair). */
    private static void leaveRowsOfRound4(Path dir, String status) throws SQLException {
        try (Connection c = DriverManager.getConnection(RunDatabase.baseUrl(dir) + ";IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            for (String sql : LEFTOVERS) {
                s.executeUpdate(sql);
            }
            s.executeUpdate("UPDATE run_manifest SET status = '" + status + "', rounds_completed = 5");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void openingAKilledRunDropsTheRowsOfItsUnfinishedRound() throws SQLException {
        Path dir = stoppedRun();
        long before;
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(3, RunDatabase.lastCompleteRound(c));
            assertEquals(0, count(c, LATER));
            before = count(c, EARLIER);
        }
        leaveRowsOfRound4(dir, "running");
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(3, RunDatabase.lastCompleteRound(c));
            assertEquals(0, count(c, LATER), "rows of round 4, which has no rounds row");
            assertEquals(before, count(c, EARLIER), "the complete rounds' rows are all kept");
            assertEquals(4, count(c, "SELECT rounds_completed FROM run_manifest"));
        }
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(0, RunDatabase.dropUnfinishedRound(c), "nothing left to drop on the next open");
        }
    }

    @Test
    void aRunThatEndedIsNeverChanged() throws SQLException {
        Path dir = stoppedRun();
        leaveRowsOfRound4(dir, "completed");
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(LEFTOVERS.size(), count(c, LATER), "only a run still marked running is repaired");
            assertEquals(5, count(c, "SELECT rounds_completed FROM run_manifest"));
        }
    }

    @Test
    void everyTableWrittenRoundByRoundNamesItsRoundColumn() {
        for (Schema.Table t : Schema.TABLES) {
            boolean roundByRound = !List.of("run_manifest", "channels").contains(t.name());
            assertEquals(roundByRound, t.roundColumn() != null, t.name());
            assertTrue(t.roundColumn() == null || t.ddl().contains(t.roundColumn() + " INTEGER"), t.name());
        }
    }

    @Test
    void aDatabaseWithoutTablesSaysTheRunStoppedBeforeItsFirstRound() throws Exception {
        Path dir = tmp.resolve("empty");
        java.nio.file.Files.createDirectories(dir);
        // what a run killed in its first seconds leaves: H2 created the file, no table is in it yet
        DriverManager.getConnection(RunDatabase.baseUrl(dir)).close();
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(RunDatabase.NotStarted.class,
                () -> RunDatabase.open(dir));
        assertTrue(e.getMessage().contains("the run in " + dir + " was stopped before its first round"),
                e.getMessage());
    }

    @Test
    void aDatabaseWhoseWriterDiedBeforeTheManifestRowSaysTheSame() throws Exception {
        Path dir = tmp.resolve("schema-only");
        new H2RunStore(dir, StoreOptions.everything(2)).close(); // schema, but start() never recorded the run
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(RunDatabase.NotStarted.class,
                () -> RunDatabase.open(dir));
        assertTrue(e.getMessage().contains("stopped before its first round"), e.getMessage());
    }

    @Test
    void aManifestWithoutADatabaseSaysTheRunStoppedBeforeItsFirstRound() throws Exception {
        Path dir = tmp.resolve("manifest-only");
        java.nio.file.Files.createDirectories(dir);
        TinyRun.manifest(new TinyWiring(1, 3, 10, 1)).write(dir.resolve(RunDatabase.MANIFEST_FILE));
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(RunDatabase.NotStarted.class,
                () -> RunDatabase.open(dir));
        assertTrue(e.getMessage().contains("holds a manifest but no run database"), e.getMessage());
    }

    @Test
    void aDatabaseKilledWhileBeingCreatedSaysTheRunStoppedBeforeItsFirstRound() throws Exception {
        Path dir = tmp.resolve("creating");
        java.nio.file.Files.createDirectories(dir);
        // what a kill during H2RunStore's creation leaves: the database under its creation name, never renamed
        DriverManager.getConnection(RunDatabase.creatingUrl(dir)).close();
        assertTrue(java.nio.file.Files.isRegularFile(RunDatabase.creatingFile(dir)));
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(RunDatabase.NotStarted.class,
                () -> RunDatabase.open(dir));
        assertTrue(e.getMessage().contains("stopped before its first round: its database was still being created"),
                e.getMessage());
        assertEquals("this run was stopped before its first round: its database was still being created",
                RunDatabase.whyNoDatabase(dir));
        assertEquals("no run database (run.mv.db) there", RunDatabase.whyNoDatabase(tmp.resolve("nothing")));
    }

    @Test
    void aRunWithoutACompleteRoundIsRefusedToReadersOfWhatWasPlayedButOpensAsARecord() throws Exception {
        Path dir = tmp.resolve("no-round");
        TinyWiring w = new TinyWiring(4, 5, 25, 1);
        org.receco.core.RunManifest m = TinyRun.manifest(w);
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(2), m)) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, m);
            model.start(); // the record and the initial world; killed, in effect, before round 0 ended
        }
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(-1, RunDatabase.lastCompleteRound(c));
        }
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(RunDatabase.NotStarted.class,
                () -> RunDatabase.openPlayed(dir));
        assertTrue(e.getMessage().contains("the run in " + dir + " was stopped before its first round: no round is "
                + "complete (status running: killed while starting)"), e.getMessage());

        Path played = tmp.resolve("one-round");
        try (H2RunStore store = new H2RunStore(played, StoreOptions.everything(2), m)) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, m);
            model.start();
            model.runUntil(1);
        }
        try (Connection c = RunDatabase.openPlayed(played)) {
            assertEquals(0, RunDatabase.lastCompleteRound(c));
        }
    }

    /** A kill between the database's final commit and manifest.json's rewrite: the file says running. */
    @Test
    void openingBringsAManifestFileAKillLeftBehindLevelWithTheDatabase() throws Exception {
        Path dir = tmp.resolve("closed");
        TinyWiring w = new TinyWiring(9, 5, 25, 1);
        org.receco.core.RunManifest m = TinyRun.manifest(w);
        java.nio.file.Files.createDirectories(dir);
        m.write(dir.resolve(RunDatabase.MANIFEST_FILE));
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(2))) {
            TinyRun.run(w, store);
        }
        assertEquals(org.receco.core.RunManifest.RUNNING,
                org.receco.core.RunManifest.read(dir.resolve(RunDatabase.MANIFEST_FILE)).status());
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(5, RunDatabase.lastCompleteRound(c) + 1);
        }
        org.receco.core.RunManifest file = org.receco.core.RunManifest.read(dir.resolve(RunDatabase.MANIFEST_FILE));
        assertEquals(org.receco.core.RunManifest.COMPLETED, file.status());
        assertEquals(5, file.roundsCompleted());
        assertEquals(m.scenarioSha256(), file.scenarioSha256(), "the rest of the file is kept");
    }
}
