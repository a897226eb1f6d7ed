package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.store.StoreOptions.ImpressionMode;
import org.receco.core.testkit.PopulationJoins;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.testkit.UsersJoin;

class H2RunStoreTest {
    @Test
    void packedRunsHoldNeighboursUpToTheUserAndValueCaps() {
        // 200 users with 3 values each: runs of 64 users (192 values), the last of 8
        int[] from = new int[201];
        for (int k = 0; k <= 200; k++) {
            from[k] = 3 * k;
        }
        assertArrayEquals(new int[] {0, 64, 128, 192, 200}, H2RunStore.packedRuns(from, 200));
        // users of 1,000 values: four fit the value cap (4,000), a fifth would not
        int[] big = {0, 1000, 2000, 3000, 4000, 5000, 6000};
        assertArrayEquals(new int[] {0, 4, 6}, H2RunStore.packedRuns(big, 6));
        // a user with more values than the cap has a run alone, and its neighbours runs of their own
        int[] huge = {0, 2, 2 + Schema.PACKED_VALUES + 1, 2 + Schema.PACKED_VALUES + 3};
        assertArrayEquals(new int[] {0, 1, 2, 3}, H2RunStore.packedRuns(huge, 3));
        assertArrayEquals(new int[] {0}, H2RunStore.packedRuns(new int[] {0}, 0));
    }

    @TempDir
    Path tmp;

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Integer> ints(Connection c, String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The database appears under its name holding every table and the run's record, or not at all. */
    @Test
    void aNewStoreHoldsItsSchemaAndRecordFromTheMomentItsFileExists() throws Exception {
        Path dir = tmp.resolve("created");
        RunManifest m = TinyRun.manifest(new TinyWiring(1, 3, 10, 1));
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(2), m)) {
            assertTrue(Files.isRegularFile(RunDatabase.file(dir)));
            assertTrue(!Files.exists(RunDatabase.creatingFile(dir)), "the creation name is gone");
            try (Connection c = RunDatabase.open(dir)) {
                assertEquals(m.scenarioName(), string(c, "SELECT scenario_name FROM run_manifest"));
                assertEquals(RunManifest.RUNNING, string(c, "SELECT status FROM run_manifest"));
                assertEquals(Schema.TABLES.size(), RunDatabase.tables(c).size());
                assertEquals(-1, RunDatabase.lastCompleteRound(c));
            }
        }
    }

    @Test
    void aDirectoryAKilledCreationLeftIsNotUsedAgain() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("left"));
        java.sql.DriverManager.getConnection(RunDatabase.creatingUrl(dir)).close();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new H2RunStore(dir, StoreOptions.everything(2)));
        assertTrue(e.getMessage().contains(RunDatabase.CREATING_FILE), e.getMessage());
        assertTrue(!Files.exists(RunDatabase.file(dir)));
    }

    private TinyRun.Result run(Path dir, TinyWiring w, StoreOptions o) {
        try (H2RunStore store = new H2RunStore(dir, o)) {
            return TinyRun.run(w, store);
        }
    }

    @Test
    void recordsWhatTheModelDid() throws SQLException {
        Path dir = tmp.resolve("run");
        TinyWiring w = new TinyWiring(7, 12, 30, 1);
        TinyRun.Result res;
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(5))) {
            w.withEvent(new UsersJoin(4, 6));
            res = TinyRun.run(w, store);
        }
        assertTrue(Files.isRegularFile(dir.resolve("run.mv.db")));
        assertEquals(36, res.users());
        assertTrue(res.clicks() > 0);
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(11, RunDatabase.lastCompleteRound(c));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), ints(c, "SELECT round FROM rounds ORDER BY round"));
            assertEquals(res.clicks(), count(c, "SELECT COUNT(*) FROM interactions"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM interactions WHERE NOT clicked"));
            assertEquals(res.exposures(), count(c, "SELECT COUNT(*) FROM impressions"));
            assertEquals(res.users(), count(c, "SELECT COUNT(*) FROM users"));
            assertEquals(30, count(c, "SELECT COUNT(*) FROM users WHERE joined_round = 0"));
            assertEquals(6, count(c, "SELECT COUNT(*) FROM users WHERE joined_round = 4"));
            assertEquals(res.authors(), count(c, "SELECT COUNT(*) FROM authors"));
            assertEquals(res.items(), count(c, "SELECT COUNT(*) FROM items"));
            assertEquals(12L * 5 * TinyWiring.ITEMS_PER_AUTHOR, res.items());
            assertEquals(10, count(c, "SELECT COUNT(*) FROM items WHERE created_round = 3"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM interactions i LEFT JOIN items t ON t.id = i.item"
                    + " WHERE t.id IS NULL OR t.created_round > i.round"));
            // per-round clicks and users agree with the kernel's own metrics
            assertEquals(0, count(c, "SELECT COUNT(*) FROM metrics m WHERE m.name = 'clicks' AND m.value <>"
                    + " (SELECT COUNT(*) FROM interactions i WHERE i.round = m.round)"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM metrics m WHERE m.name = 'exposures' AND m.value <>"
                    + " (SELECT COUNT(*) FROM impressions i WHERE i.round = m.round)"));
            assertEquals(12, count(c, "SELECT COUNT(*) FROM metrics WHERE name = 'clicks'"));
            assertEquals(36, count(c, "SELECT users FROM rounds WHERE round = 11"));
            assertEquals(30, count(c, "SELECT users FROM rounds WHERE round = 3"));
            assertEquals("tiny-hash", string(c, "SELECT DISTINCT recommender FROM rounds"));
            assertEquals(List.of(0, 5, 10, 11), ints(c, "SELECT DISTINCT round FROM snapshots ORDER BY round"));
            assertEquals(36, count(c, "SELECT COUNT(*) FROM snapshots WHERE round = 10 AND kind = 'user'"));
            assertEquals(TinyWiring.DIMS, count(c, "SELECT MIN(CARDINALITY(vec)) FROM snapshots"));
            assertEquals(count(c, "SELECT live_items FROM rounds WHERE round = 5"),
                    count(c, "SELECT COUNT(*) FROM snapshots WHERE round = 5 AND kind = 'item'"));
            assertEquals("join", string(c, "SELECT type FROM events WHERE round = 4"));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM events"));
            assertEquals(org.receco.core.round.RoundState.CHANNEL_NAMES.length, count(c, "SELECT COUNT(*) FROM channels"));
            assertTrue(count(c, "SELECT COUNT(DISTINCT channel) FROM impressions") >= 2);
            assertEquals(RunManifest.COMPLETED, string(c, "SELECT status FROM run_manifest"));
            assertEquals(12, count(c, "SELECT rounds_completed FROM run_manifest"));
            assertEquals(7, count(c, "SELECT seed FROM run_manifest"));
        }
    }

    @Test
    void fakeAccountsAreMarkedInTheUsersTableAndLeftOutOfTheKernelCounters() throws SQLException {
        Path dir = tmp.resolve("fake");
        TinyWiring w = new TinyWiring(7, 6, 10, 1).withEvent(new PopulationJoins(3, "shills", 4, 5, 5, true));
        run(dir, w, StoreOptions.everything(5));
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(4, count(c, "SELECT COUNT(*) FROM users WHERE fake"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM users WHERE fake AND population = 0"));
            assertEquals(10, count(c, "SELECT COUNT(*) FROM users WHERE NOT fake"));
            // the kernel's users and clicks of round 5 are the 10 genuine users' only
            assertEquals(10, count(c, "SELECT CAST(\"VALUE\" AS INT) FROM metrics WHERE round = 5 AND name = 'users'"));
            assertEquals(count(c, "SELECT COUNT(*) FROM interactions WHERE round = 5 AND user_id < 10"),
                    count(c, "SELECT CAST(\"VALUE\" AS INT) FROM metrics WHERE round = 5 AND name = 'clicks'"));
            assertEquals(4L * 5, count(c, "SELECT COUNT(*) FROM interactions WHERE round = 5 AND user_id >= 10"));
        }
    }

    @Test
    void populationsTableNamesEachUsersPopulationInTheRoundItJoined() throws SQLException {
        Path dir = tmp.resolve("run");
        TinyWiring w = new TinyWiring(7, 6, 10, 1).withEvent(new PopulationJoins(3, "attack", 4, 5));
        run(dir, w, StoreOptions.everything(5));
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(2, count(c, "SELECT COUNT(*) FROM populations"));
            assertEquals("users|TinyUsers|0", string(c,
                    "SELECT name || '|' || model || '|' || joined_round FROM populations WHERE id = 0"));
            assertEquals("attack|greedy|3", string(c,
                    "SELECT name || '|' || model || '|' || joined_round FROM populations WHERE id = 1"));
            assertEquals(4, count(c, "SELECT COUNT(*) FROM users u JOIN populations p ON u.population = p.id "
                    + "WHERE p.name = 'attack' AND u.joined_round = 3"));
            assertEquals(10, count(c, "SELECT COUNT(*) FROM users WHERE population = 0"));
            // the attackers' 5 clicks a round are all recorded, and nobody else has more than 2
            assertEquals(4L * 5 * 3, count(c, "SELECT COUNT(*) FROM interactions WHERE user_id >= 10"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT round, user_id FROM interactions "
                    + "WHERE user_id < 10 GROUP BY round, user_id HAVING COUNT(*) > 2)"));
        }
    }

    @Test
    void optionalTablesStayEmptyWhenOff() throws SQLException {
        Path dir = tmp.resolve("run");
        run(dir, new TinyWiring(3, 4, 20, 1), new StoreOptions(false, ImpressionMode.off, 1, 0, false));
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(0, count(c, "SELECT COUNT(*) FROM interactions"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM impressions"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM snapshots"));
            assertEquals(4, count(c, "SELECT COUNT(*) FROM rounds"));
            assertTrue(count(c, "SELECT COUNT(*) FROM metrics") >= 4 * 7);
        }
    }

    @Test
    void sampledImpressionsAreAReproducibleShareOfUsers() throws SQLException {
        StoreOptions o = new StoreOptions(true, ImpressionMode.sampled, 0.25, 0, false);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(a, new TinyWiring(5, 6, 400, 1), o);
        run(b, new TinyWiring(5, 6, 400, 2), o);
        try (Connection c = RunDatabase.open(a)) {
            long sampledUserRounds = count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT round, user_id FROM impressions)");
            assertTrue(sampledUserRounds > 0.15 * 2400 && sampledUserRounds < 0.35 * 2400, "" + sampledUserRounds);
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT round, user_id, COUNT(*) n FROM impressions"
                    + " GROUP BY round, user_id) WHERE n <> 5"));
        }
        assertEquals(RunDatabase.digest(a), RunDatabase.digest(b));
    }

    @Test
    void sampleMembershipIsAPureFunction() {
        long seed = 12345;
        int in = 0;
        for (int u = 0; u < 10000; u++) {
            boolean s = H2RunStore.sampled(seed, 3, u, 0.1);
            assertEquals(s, H2RunStore.sampled(seed, 3, u, 0.1));
            if (s) {
                in++;
                assertTrue(H2RunStore.sampled(seed, 3, u, 0.2), "a larger share contains a smaller one");
            }
        }
        assertTrue(in > 800 && in < 1200, "" + in);
    }

    @Test
    void refusesADirectoryThatHoldsARun() {
        Path dir = tmp.resolve("run");
        run(dir, new TinyWiring(1, 2, 10, 1), StoreOptions.defaults());
        assertThrows(UncheckedIOException.class, () -> new H2RunStore(dir, StoreOptions.defaults()));
    }

    @Test
    void commitWithoutWriteIsRejected() {
        try (H2RunStore store = new H2RunStore(tmp.resolve("run"), StoreOptions.defaults())) {
            assertThrows(IllegalStateException.class, () -> store.commitRound(0));
        }
    }

    @Test
    void aModelRunWithoutFinishKeepsItsCommittedRoundsAndStatusRunning() throws SQLException {
        Path dir = tmp.resolve("run");
        TinyWiring w = new TinyWiring(9, 10, 25, 1);
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(3).withBackground(true))) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, TinyRun.manifest(w));
            model.start();
            model.runUntil(4);
            model.finish();
        }
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(3, RunDatabase.lastCompleteRound(c));
            assertEquals(4, count(c, "SELECT rounds_completed FROM run_manifest"));
            assertEquals(RunManifest.RUNNING, string(c, "SELECT status FROM run_manifest"));
        }
    }

    @Test
    void openingAMissingRunFails() {
        assertThrows(UncheckedIOException.class, () -> RunDatabase.open(tmp.resolve("nothing")));
        assertTrue(Files.notExists(tmp.resolve("nothing").resolve("run.mv.db")));
    }
}
