package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;

/**
 * {@link Schema}: the kernel's tables come from their declarations (column for column in the database), the
 * catalogue lists them, and a component cannot take a kernel table's name or an SQL keyword as a column name.
 */
class SchemaTest {
    @TempDir
    Path tmp;

    @Test
    void everyBuiltInTableHasItsDeclaredColumnsInOrderAndIsCatalogued() throws SQLException {
        new H2RunStore(tmp.resolve("run"), StoreOptions.defaults()).close();
        // a plain connection: a store never started holds no run record, which RunDatabase.open refuses
        try (Connection c = java.sql.DriverManager.getConnection(RunDatabase.baseUrl(tmp.resolve("run")));
             Statement s = c.createStatement()) {
            for (TableSpec t : Schema.BUILT_IN) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + " WHERE FALSE")) {
                    for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                        cols.add(rs.getMetaData().getColumnLabel(k).toLowerCase());
                    }
                }
                assertEquals(t.columns().stream().map(Column::name).toList(), cols, t.name());
            }
            assertEquals(Schema.BUILT_IN.stream().map(TableSpec::name).toList(),
                    RunDatabase.tables(c).stream().map(StoredTable::name).toList());
            assertTrue(RunDatabase.tables(c).stream().allMatch(StoredTable::builtIn));
            assertEquals(List.of("committed_at"), RunDatabase.tables(c).get(1).volatileColumns());
        }
    }

    @Test
    void packedTablesReadAsTheFlatTablesTheyReplaceRowForRow() throws SQLException {
        Path dir = tmp.resolve("packed");
        try (H2RunStore store = new H2RunStore(dir, StoreOptions.everything(0))) {
            TinyRun.run(new TinyWiring(3, 4, 30, 1), store);
        }
        try (Connection c = RunDatabase.open(dir); Statement s = c.createStatement()) {
            for (Schema.Packed p : Schema.PACKED) {
                TableSpec spec = Schema.BUILT_IN.stream().filter(t -> t.name().equals(p.table())).findFirst()
                        .orElseThrow();
                // the JDBC types a flat table of the declaration has, which digests and exports go by
                s.execute(Schema.ddl(new TableSpec("flat_" + p.table(), "", spec.columns(), spec.key(),
                        spec.roundColumn(), java.util.Set.of(), List.of())));
                try (ResultSet view = s.executeQuery("SELECT * FROM " + p.table() + " WHERE FALSE");
                     ResultSet flat = c.createStatement().executeQuery("SELECT * FROM flat_" + p.table())) {
                    for (int k = 1; k <= spec.columns().size(); k++) {
                        assertEquals(flat.getMetaData().getColumnType(k), view.getMetaData().getColumnType(k),
                                p.table() + "." + spec.columns().get(k - 1).name());
                    }
                }
                long stored = count(s, "SELECT SUM(CARDINALITY(items)) FROM " + p.storage());
                assertTrue(stored > 0, p.storage());
                // a storage row holds a run of neighbouring users (30 users here: one row a round), each row's
                // users in id order, its key the first of them
                long rows = count(s, "SELECT COUNT(*) FROM " + p.storage());
                long userRounds = count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT round, user_id FROM "
                        + p.table() + ")");
                assertTrue(rows < userRounds, p.storage() + ": " + rows + " rows for " + userRounds + " slates");
                assertEquals(0, count(s, "SELECT COUNT(*) FROM " + p.storage()
                        + " WHERE first_user <> users[1]"), p.storage());
                assertEquals(0, count(s, "SELECT COUNT(*) FROM " + p.storage()
                        + " WHERE CARDINALITY(users) <> CARDINALITY(items)"), p.storage());
                assertEquals(stored, count(s, "SELECT COUNT(*) FROM " + p.table()), p.table());
                assertEquals(0, count(s, "SELECT COUNT(*) FROM " + p.table() + " WHERE item IS NULL"), p.table());
                // the canonical key stays a key of the rows the view shows
                assertEquals(stored, count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT " + spec.orderBy()
                        + " FROM " + p.table() + ")"), p.table());
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theDdlQuotesOnlyKeywords() {
        TableSpec metrics = Schema.BUILT_IN.stream().filter(t -> t.name().equals("metrics")).findFirst().orElseThrow();
        assertEquals("""
                CREATE TABLE metrics (
                  round INTEGER NOT NULL,
                  name VARCHAR NOT NULL,
                  "VALUE" DOUBLE PRECISION NOT NULL,
                  PRIMARY KEY (round, name))""", Schema.ddl(metrics));
        assertEquals(List.of("CREATE INDEX metrics_name_round ON metrics(name, round)"), Schema.indexDdl(metrics));
    }

    @Test
    void componentsCannotTakeKernelNamesOrKeywords() {
        Column round = Column.of("round", ColumnType.INTEGER);
        for (String kernel : List.of("store_tables", "run_manifest", "events", "metrics", "user_clicks",
                "user_slates")) {
            TableSpec t = TableSpec.of(kernel, "", "round", List.of("round"), round);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Schema.checkDeclarable(t)).getMessage()
                    .startsWith("table '" + kernel + "' is a built-in table of the run store"), kernel);
        }
        Schema.checkDeclarable(TableSpec.of("cache", "", null, List.of("round"), round));
        TableSpec key = TableSpec.of("llm_calls", "", "round", List.of("round"), round,
                Column.of("key", ColumnType.TEXT));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schema.checkDeclarable(key)).getMessage()
                .contains("column 'key' is an SQL keyword"));
        Schema.checkDeclarable(TableSpec.of("llm_calls", "", "round", List.of("round"), round,
                Column.of("cache_key", ColumnType.TEXT)));
    }
}
