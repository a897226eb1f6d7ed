package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.receco.core.store.ColumnType.INTEGER;
import static org.receco.core.store.ColumnType.TEXT;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.receco.core.RecEcoModel;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.RunSink;
import org.receco.core.testkit.CrashRunMain;
import org.receco.core.testkit.NotesObserver;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.testkit.UsersJoin;

/**
 * A component's own table ({@link H2RunStore#table}): its rows are in SQL, in the round's transaction, in the
 * digest (volatile columns not), in the catalogue readers go by, and gone after a crash when their round did not
 * commit.
 */
class DeclaredTablesTest {
    private static final int ROUNDS = 6;

    @TempDir
    Path tmp;

    private int runs;

    private Path run(StoreOptions o, Observer... observers) {
        Path dir = tmp.resolve("run" + runs++);
        try (H2RunStore store = new H2RunStore(dir, o)) {
            TinyWiring w = new TinyWiring(42, ROUNDS, 40, 2).withEvent(new UsersJoin(3, 5))
                    .withObservers(() -> List.of(observers));
            TinyRun.run(w, store);
        }
        return dir;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void declaredRowsAreInSqlAndTheCatalogue() throws SQLException {
        Path dir = run(StoreOptions.everything(3), new NotesObserver());
        try (Connection c = RunDatabase.open(dir); Statement s = c.createStatement()) {
            assertEquals(ROUNDS * NotesObserver.ROWS_PER_ROUND, count(c, "SELECT COUNT(*) FROM notes"));
            try (ResultSet rs = s.executeQuery("SELECT note, clicks FROM notes WHERE round = 4 ORDER BY user_id")) {
                for (int u = 0; u < NotesObserver.ROWS_PER_ROUND; u++) {
                    assertTrue(rs.next());
                    assertEquals(NotesObserver.note(4, u), rs.getString(1));
                    assertEquals(count(c, "SELECT COUNT(*) FROM interactions WHERE round = 4 AND user_id = " + u),
                            rs.getLong(2), "clicks as the kernel recorded them");
                }
            }
            StoredTable notes = RunDatabase.tables(c).stream().filter(t -> t.name().equals("notes")).findFirst()
                    .orElseThrow();
            assertEquals(new StoredTable("notes", NotesObserver.NOTES.description(), List.of("round", "user_id"),
                    "round", List.of("wall_ns"), false), notes);
            assertEquals(Schema.BUILT_IN.size() + 1, RunDatabase.tables(c).size());
        }
    }

    @Test
    void theDigestCoversDeclaredRowsButNotTheirVolatileColumns() throws SQLException {
        StoreOptions o = StoreOptions.everything(3);
        String plain = RunDatabase.digest(run(o));
        String notes = RunDatabase.digest(run(o, new NotesObserver()));
        assertNotEquals(plain, notes, "the declared table is digested");
        assertEquals(notes, RunDatabase.digest(run(o, new NotesObserver())), "wall_ns differs, the digest not");
        assertNotEquals(notes, RunDatabase.digest(run(o, new NotesObserver("!"))), "one note changed");
        assertEquals(notes, RunDatabase.digest(run(o.withBackground(true), new NotesObserver())),
                "the background writer records the same rows");
    }

    @Test
    void aTableDeclaredMidRunIsCreatedBeforeItsFirstRows() throws SQLException {
        TableSpec late = TableSpec.of("late", "declared in round 3", "round", List.of("round"),
                Column.of("round", INTEGER));
        Observer lateDeclarer = new Observer() {
            @Override
            public String name() {
                return "late";
            }

            @Override
            public void observe(RoundView view, MetricRecorder out) {
                if (view.round() >= 3) {
                    view.tables().table(late).append(view.round());
                }
            }
        };
        for (boolean background : new boolean[] {false, true}) {
            Path dir = run(StoreOptions.everything(3).withBackground(background), lateDeclarer);
            try (Connection c = RunDatabase.open(dir)) {
                assertEquals(ROUNDS - 3, count(c, "SELECT COUNT(*) FROM late"));
                assertEquals(3, count(c, "SELECT MIN(round) FROM late"));
            }
        }
    }

    @Test
    void aRowNamingAnotherRoundFailsTheCommitWithTheTableName() {
        Observer wrong = new Observer() {
            private TableWriter w;

            @Override
            public String name() {
                return "wrong";
            }

            @Override
            public void start(RoundView view) {
                w = view.tables().table(TableSpec.of("ahead", "", "round", List.of("round"),
                        Column.of("round", INTEGER)));
            }

            @Override
            public void observe(RoundView view, MetricRecorder out) {
                w.append(view.round() + 1);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(StoreOptions.defaults(), wrong));
        assertTrue(e.getMessage().contains("table ahead: a row names round 1 in round but was appended while round 0"),
                e.getMessage());
    }

    @Test
    void aTableWithoutARoundColumnTakesRowsBeforeTheRunOnly() throws SQLException {
        TableSpec kinds = TableSpec.of("kinds", "names written once", null, List.of("id"),
                Column.of("id", INTEGER), Column.of("name", TEXT));
        Observer once = new Observer() {
            private TableWriter w;

            @Override
            public String name() {
                return "kinds";
            }

            @Override
            public void start(RoundView view) {
                w = view.tables().table(kinds);
                w.append(0, "fake");
                w.append(1, "real, honest");
            }

            @Override
            public void observe(RoundView view, MetricRecorder out) {
                if (view.round() == 2) {
                    w.append(2, "late");
                }
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(StoreOptions.defaults(), once));
        assertTrue(e.getMessage().contains("table kinds has no round column, so its rows go in before the run "
                + "starts; 1 were appended while round 2 was played"), e.getMessage());
        Path dir = tmp.resolve("run" + (runs - 1));
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(2, count(c, "SELECT COUNT(*) FROM kinds"));
            assertEquals(2, RunDatabase.lastCompleteRound(c) + 1, "rounds 0 and 1 committed");
        }
    }

    @Test
    void badRowsFailWhereTheyAreAppended() {
        try (H2RunStore store = new H2RunStore(tmp.resolve("bad"), StoreOptions.defaults())) {
            TableWriter w = store.table(NotesObserver.NOTES);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.append(0, 0, "x", 1))
                    .getMessage().contains("table notes: a row has 5 values (round, user_id, note, clicks, wall_ns), got 4"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.append(0, 0, "x", 1.5, 3L))
                    .getMessage().contains("column clicks is INTEGER and takes Integer or Short or Byte, got Double"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> w.append(0, null, "x", 1, 3L))
                    .getMessage().contains("column user_id is NOT NULL"));
        }
    }

    @Test
    void aBuiltInTableNameIsAClearError() {
        TableSpec users = TableSpec.of("users", "", "round", List.of("round"), Column.of("round", INTEGER));
        try (H2RunStore store = new H2RunStore(tmp.resolve("clash"), StoreOptions.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.table(users));
            assertTrue(e.getMessage().startsWith("table 'users' is a built-in table of the run store; choose another "
                    + "name (built-in: store_tables, run_manifest, rounds, users,"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RunSink.NONE.table(users), "without a store too");
    }

    @Test
    void declaringTheSameSpecAgainGivesTheSameTableAnotherSpecFails() {
        try (H2RunStore store = new H2RunStore(tmp.resolve("twice"), StoreOptions.defaults())) {
            TableWriter w = store.table(NotesObserver.NOTES);
            assertSame(w, store.table(NotesObserver.NOTES));
            TableSpec other = TableSpec.of("notes", "", "round", List.of("round"), Column.of("round", INTEGER));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> store.table(other)).getMessage()
                    .startsWith("table notes is already declared differently"));
        }
    }

    @Test
    void withoutAStoreDeclarationsAreCheckedAndRowsDiscarded() {
        TinyWiring w = new TinyWiring(42, 3, 20, 1).withObservers(() -> List.of(new NotesObserver()));
        assertEquals(3, TinyRun.run(w, RunSink.NONE).rounds());
        TableWriter none = RunSink.NONE.table(NotesObserver.NOTES);
        assertThrows(IllegalArgumentException.class, () -> none.append("not a round", 0, null, 0, 0L));
        TableSpec keyword = TableSpec.of("calls", "", "round", List.of("round"), Column.of("round", INTEGER),
                Column.of("user", TEXT));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunSink.NONE.table(keyword)).getMessage()
                .contains("column 'user' is an SQL keyword"));
    }

    /** Rows of round 4 left behind by a killed writer (as H2 sometimes keeps them) go when the run is opened. */
    @Test
    void openingAKilledRunDropsDeclaredRowsOfItsUnfinishedRound() throws SQLException {
        Path dir = tmp.resolve("stopped");
        TinyWiring w = new TinyWiring(9, 10, 25, 1).withObservers(() -> List.of(new NotesObserver()));
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.defaults())) {
            RecEcoModel model = new RecEcoModel(w);
            model.setSink(store, TinyRun.manifest(w));
            model.start();
            model.runUntil(4);
        }
        try (Connection c = DriverManager.getConnection(RunDatabase.baseUrl(dir) + ";IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO notes VALUES (4, 0, 'left over', 0, 0), (4, 1, NULL, 0, 0)");
        }
        try (Connection c = RunDatabase.open(dir)) {
            assertEquals(0, count(c, "SELECT COUNT(*) FROM notes WHERE round > 3"));
            assertEquals(4L * NotesObserver.ROWS_PER_ROUND, count(c, "SELECT COUNT(*) FROM notes"));
        }
    }

    /** A real SIGKILL part-way, as {@link CrashRecoveryTest}, with a declared table. */
    @ParameterizedTest(name = "background={0}")
    @ValueSource(booleans = {false, true})
    void aKilledRunKeepsDeclaredRowsExactlyOfItsCompleteRounds(boolean background) throws Exception {
        Path dir = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashRunMain.class.getName(), dir.toString(), Boolean.toString(background), "notes")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.equals("committed 3")) {
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not die");
        }
        assertEquals(137, p.exitValue(), output.toString());
        try (Connection c = RunDatabase.open(dir)) {
            int last = RunDatabase.lastCompleteRound(c);
            assertTrue(last >= 3 - (background ? 1 : 0), "last " + last);
            assertEquals((last + 1L) * NotesObserver.ROWS_PER_ROUND, count(c, "SELECT COUNT(*) FROM notes"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM notes WHERE round > " + last));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM notes WHERE round = 0 AND user_id = 2")) {
                assertTrue(rs.next());
                assertNull(rs.getString(1));
            }
        }
    }
}
