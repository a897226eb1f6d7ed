package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.H2RunStore;
import org.receco.core.store.Schema;
import org.receco.core.store.StoreOptions;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * {@link DuckDbExport} writes every catalogued table, a declared one with a column of every {@link ColumnType}
 * included, as Parquet and as a DuckDB file that DuckDB reads back with the same values, NULLs, row order and
 * typed columns, ids renamed as {@link DuckDbExport#RENAMES} says. The run is one round written straight into a
 * real {@link H2RunStore} from a hand-built world (as in {@link CsvExportTest}).
 */
class DuckDbExportTest {
    /** One column per store type, each nullable; the column names say the type. */
    private static final TableSpec ALL = TableSpec.of("all_types", "a column of every type", "round",
            List.of("round", "seq"),
            Column.of("round", ColumnType.INTEGER), Column.of("seq", ColumnType.INTEGER),
            Column.nullable("t_tiny", ColumnType.TINYINT), Column.nullable("t_small", ColumnType.SMALLINT),
            Column.nullable("t_int", ColumnType.INTEGER), Column.nullable("t_big", ColumnType.BIGINT),
            Column.nullable("t_real", ColumnType.REAL), Column.nullable("t_double", ColumnType.DOUBLE),
            Column.nullable("t_bool", ColumnType.BOOLEAN), Column.nullable("t_text", ColumnType.TEXT),
            Column.nullable("t_clob", ColumnType.CLOB), Column.nullable("t_vec", ColumnType.REAL_ARRAY),
            Column.nullable("t_time", ColumnType.TIMESTAMP_TZ));

    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 3, 1, 12, 30, 5, 0, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path run() throws Exception {
        Path run = tmp.resolve("run");
        RunManifest m = new RunManifest("pq", null, "0".repeat(64), "name: pq", 1, 1, 0, 1,
                RunManifest.currentVersion(), null, "jvm", Instant.now().toString(), null, RunManifest.RUNNING, null);
        try (H2RunStore store = new H2RunStore(run, StoreOptions.defaults())) {
            CsvExportTest.View v = new CsvExportTest.View();
            TableWriter all = store.table(ALL);
            store.start(m, v);
            v.round = 0;
            v.state.begin(0, 2);
            // Appended out of key order: the export must restore it.
            all.append(0, 2, null, null, null, null, null, null, null, null, null, null, null);
            all.append(0, 1, (byte) -3, (short) 300, 70_000, 5_000_000_000L, 0.1f, 0.1, true, "it's, \"q\"",
                    "line one\nline two", new float[] {1.5f, -2.25f}, WHEN);
            store.writeRound(v);
            store.writeMetric(0, "odd, name", 0.25);
            store.commitRound(0);
            store.finish(m.withProgress(1).ended(RunManifest.COMPLETED, Instant.now().toString(), null));
        }
        return run;
    }

    @Test
    void parquetHoldsEveryTableWithTypedColumnsValuesAndNullsInKeyOrder() throws Exception {
        Path run = run();
        List<String> files = new ArrayList<>();
        for (Path f : DuckDbExport.parquet(run, tmp.resolve("pq"))) {
            files.add(f.getFileName().toString());
        }
        List<String> expected = new ArrayList<>(Schema.BUILT_IN.stream().map(t -> t.name() + ".parquet").toList());
        expected.add("all_types.parquet");
        assertEquals(expected, files);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String all = "read_parquet('" + tmp.resolve("pq/all_types.parquet") + "')";
            checkAllTypes(s, all);
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('"
                    + tmp.resolve("pq/all_types.parquet") + "')")) {
                assertTrue(rs.next());
                assertEquals("ZSTD", rs.getString(1));
                assertFalse(rs.next());
            }
            assertEquals(List.of("user_id INTEGER", "topic INTEGER", "population INTEGER", "joined_round INTEGER",
                            "fake BOOLEAN"),
                    columns(s, "read_parquet('" + tmp.resolve("pq/users.parquet") + "')"));
            assertEquals(List.of("item_id INTEGER", "author_id INTEGER", "created_round INTEGER", "quality FLOAT",
                    "topic INTEGER"), columns(s, "read_parquet('" + tmp.resolve("pq/items.parquet") + "')"));
            try (ResultSet rs = s.executeQuery("SELECT round, name, value FROM read_parquet('"
                    + tmp.resolve("pq/metrics.parquet") + "')")) {
                assertTrue(rs.next());
                assertEquals("0|odd, name|0.25", rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void duckdbFileHoldsTheSameTablesWithTheirDescriptions() throws Exception {
        Path run = run();
        Path f = DuckDbExport.duckdb(run, tmp.resolve("db"));
        assertEquals(DuckDbExport.DUCKDB_FILE, f.getFileName().toString());
        // A second export replaces the first rather than failing on existing tables.
        f = DuckDbExport.duckdb(run, tmp.resolve("db"));
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f, readOnly);
             Statement s = c.createStatement()) {
            checkAllTypes(s, "all_types");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, comment FROM duckdb_tables() ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    if (rs.getString(1).equals("all_types")) {
                        assertEquals("a column of every type", rs.getString(2));
                    }
                }
            }
            List<String> expected = new ArrayList<>(Schema.BUILT_IN.stream().map(TableSpec::name).toList());
            expected.add("all_types");
            expected.sort(null);
            assertEquals(expected, tables);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM users u JOIN users v USING (user_id)")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    private static void checkAllTypes(Statement s, String source) throws Exception {
        assertEquals(List.of("round INTEGER", "seq INTEGER", "t_tiny TINYINT", "t_small SMALLINT", "t_int INTEGER",
                "t_big BIGINT", "t_real FLOAT", "t_double DOUBLE", "t_bool BOOLEAN", "t_text VARCHAR",
                "t_clob VARCHAR", "t_vec FLOAT[]", "t_time TIMESTAMP WITH TIME ZONE"), columns(s, source));
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + source)) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("seq"));
            assertEquals(-3, rs.getByte("t_tiny"));
            assertEquals(300, rs.getShort("t_small"));
            assertEquals(70_000, rs.getInt("t_int"));
            assertEquals(5_000_000_000L, rs.getLong("t_big"));
            assertEquals(0.1f, rs.getFloat("t_real"));
            assertEquals(0.1, rs.getDouble("t_double"));
            assertEquals(Boolean.TRUE, rs.getObject("t_bool"));
            assertEquals("it's, \"q\"", rs.getString("t_text"));
            assertEquals("line one\nline two", rs.getString("t_clob"));
            Array a = rs.getArray("t_vec");
            Object[] xs = (Object[]) a.getArray();
            assertArrayEquals(new Object[] {1.5f, -2.25f}, xs, Arrays.toString(xs));
            assertEquals(WHEN.toInstant(), rs.getObject("t_time", OffsetDateTime.class).toInstant());
            assertTrue(rs.next());
            assertEquals(2, rs.getInt("seq"));
            for (int k = 3; k <= 13; k++) {
                assertNull(rs.getObject(k), "column " + k);
            }
            assertFalse(rs.next());
        }
    }

    /** "name TYPE" of every column of {@code source}, as DuckDB describes it. */
    static List<String> columns(Statement s, String source) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rs.next()) {
                out.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return out.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
