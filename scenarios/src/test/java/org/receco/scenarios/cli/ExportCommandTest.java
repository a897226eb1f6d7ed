package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.report.DuckDbExport;
import org.receco.core.store.RunDatabase;
import org.receco.core.store.StoredTable;

/**
 * {@code receco export --format parquet|duckdb} on a tiny real run: every table's Parquet file holds the rows of
 * the H2 table and of the CSV export, value for value and in the same order, with typed columns and the renamed
 * ids; the DuckDB file holds the same tables; bad input is refused with exit 2 and nothing written.
 */
class ExportCommandTest {
    private static final String TINY = """
            name: tiny
            rounds: 3
            users: {count: 60}
            authors: {count: 6}
            slate: {size: 8, match: 6, coldStart: 2}
            store: {impressions: full, snapshotEvery: 2}
            """;

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void tinyRun() throws Exception {
        Path f = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        String[] r = AnalysisCommandsTest.run("run", f.toString(), "--out", dir.resolve("runs").toString(), "--quiet");
        assertEquals("0", r[0], r[2]);
        run = AnalysisCommandsTest.only(dir.resolve("runs"));
    }

    @Test
    void parquetHoldsTheRowsOfH2AndOfTheCsvExportWithTypedColumns() throws Exception {
        String[] csv = AnalysisCommandsTest.run("export", run.toString(), "--format", "csv", "--out",
                dir.resolve("csv").toString());
        assertEquals("0", csv[0], csv[2]);
        String[] pq = AnalysisCommandsTest.run("export", run.toString(), "--format", "parquet");
        assertEquals("0", pq[0], pq[2]);
        Path pqDir = run.resolve("parquet");
        assertTrue(pq[1].contains("to " + pqDir), pq[1]);
        List<StoredTable> tables;
        try (Connection h2 = RunDatabase.open(run);
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement d = duck.createStatement()) {
            tables = RunDatabase.tables(h2);
            int nonEmpty = 0;
            for (StoredTable t : tables) {
                Path file = pqDir.resolve(t.name() + ".parquet");
                long rows = count(h2, "SELECT COUNT(*) FROM " + t.name());
                assertEquals(rows, count(duck, "SELECT COUNT(*) FROM read_parquet('" + file + "')"), t.name());
                nonEmpty += rows > 0 ? 1 : 0;
                sameRows(duck, t.name(), file, dir.resolve("csv").resolve(t.name() + ".csv"));
            }
            assertTrue(nonEmpty >= 9, "most tables hold rows: " + nonEmpty);
            assertEquals(3 * 60 * 8, count(duck, "SELECT COUNT(*) FROM read_parquet('"
                    + pqDir.resolve("impressions.parquet") + "')"));
            // Typed columns: a boolean is BOOLEAN (not 'TRUE' text), a vector a FLOAT list.
            assertEquals("BOOLEAN", type(d, pqDir.resolve("interactions.parquet"), "liked"));
            assertEquals("FLOAT", type(d, pqDir.resolve("interactions.parquet"), "utility"));
            assertEquals("FLOAT[]", type(d, pqDir.resolve("snapshots.parquet"), "vec"));
            assertEquals("INTEGER", type(d, pqDir.resolve("interactions.parquet"), "item_id"));
            // The renamed ids join: every click's item has its author.
            assertEquals(count(h2, "SELECT COUNT(*) FROM interactions"), count(duck, "SELECT COUNT(*) FROM "
                    + "read_parquet('" + pqDir.resolve("interactions.parquet") + "') JOIN read_parquet('"
                    + pqDir.resolve("items.parquet") + "') USING (item_id) JOIN read_parquet('"
                    + pqDir.resolve("authors.parquet") + "') USING (author_id)"));
        }
    }

    @Test
    void duckdbFileHoldsEveryTable() throws Exception {
        Path out = dir.resolve("duck");
        String[] r = AnalysisCommandsTest.run("export", run.toString(), "--format", "duckdb", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        try (Connection h2 = RunDatabase.open(run);
             Connection duck = DriverManager.getConnection("jdbc:duckdb:" + out.resolve(DuckDbExport.DUCKDB_FILE));
             Statement d = duck.createStatement()) {
            for (StoredTable t : RunDatabase.tables(h2)) {
                assertEquals(count(h2, "SELECT COUNT(*) FROM " + t.name()),
                        count(duck, "SELECT COUNT(*) FROM " + t.name()), t.name());
            }
            try (ResultSet rs = d.executeQuery("SELECT data_type FROM information_schema.columns "
                    + "WHERE table_name = 'interactions' AND column_name = 'clicked'")) {
                assertTrue(rs.next());
                assertEquals("BOOLEAN", rs.getString(1));
            }
            assertEquals(count(h2, "SELECT COUNT(*) FROM interactions WHERE liked"),
                    count(duck, "SELECT COUNT(*) FROM interactions WHERE liked"));
        }
    }

    @Test
    void badInputIsRefusedWithNothingWritten() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] r = AnalysisCommandsTest.run("export", empty.toString(), "--format", "parquet");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no run database (run.mv.db)"), r[2]);
        String[] f = AnalysisCommandsTest.run("export", run.toString(), "--format", "xlsx", "--out",
                dir.resolve("never").toString());
        assertEquals("2", f[0]);
        assertTrue(f[2].contains("allowed: csv, parquet, duckdb"), f[2]);
        try (var s = Files.list(empty)) {
            assertEquals(0, s.count());
        }
        assertFalse(Files.exists(dir.resolve("never")));
    }

    /**
     * Row by row and column by column, the Parquet file's typed values against the CSV export's text, which is
     * H2's: same header (after {@link DuckDbExport#RENAMES}), same row order, a snapshot vector against the
     * {@code v1..vd} columns.
     */
    private static void sameRows(Connection duck, String table, Path parquet, Path csv) throws Exception {
        Map<String, String> renames = DuckDbExport.RENAMES.getOrDefault(table, Map.of());
        List<String> csvHeader = new ArrayList<>();
        List<List<String>> csvRows = new ArrayList<>();
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = "
                     + "true, delim = ',', quote = '\"', escape = '\"')")) {
            int n = rs.getMetaData().getColumnCount();
            for (int k = 1; k <= n; k++) {
                csvHeader.add(rs.getMetaData().getColumnLabel(k));
            }
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    row.add(rs.getString(k));
                }
                csvRows.add(row);
            }
        } catch (java.sql.SQLException e) {
            // DuckDB cannot read a header-only CSV without a row to size it; the export then has no rows.
            assertEquals(1, Files.readAllLines(csv).size(), table + ": " + e.getMessage());
            return;
        }
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + parquet + "')");
             PreparedStatement ts = duck.prepareStatement("SELECT CAST(? AS TIMESTAMPTZ)")) {
            ResultSetMetaData md = rs.getMetaData();
            int row = 0;
            while (rs.next()) {
                List<String> c = csvRows.get(row);
                int field = 0;
                for (int k = 1; k <= md.getColumnCount(); k++) {
                    String where = table + " row " + row + " column " + md.getColumnLabel(k);
                    Object v = rs.getObject(k);
                    if (v instanceof Array a) {
                        int dim = 0;
                        for (Object x : (Object[]) a.getArray()) {
                            assertEquals("v" + ++dim, csvHeader.get(field), where);
                            assertEquals(Float.parseFloat(c.get(field++)), (Float) x, where);
                        }
                        continue;
                    }
                    String name = csvHeader.get(field);
                    assertEquals(renames.getOrDefault(name, name), md.getColumnLabel(k), where);
                    String text = c.get(field++);
                    if (v == null || text == null) {
                        assertEquals(text, v, where);
                    } else if (v instanceof Boolean b) {
                        assertTrue(text.equals("TRUE") || text.equals("FALSE"), where + ": " + text);
                        assertEquals(Boolean.parseBoolean(text), b, where);
                    } else if (v instanceof Float x) {
                        assertEquals(Float.parseFloat(text), x, where);
                    } else if (v instanceof Double x) {
                        assertEquals(Double.parseDouble(text), x, where);
                    } else if (v instanceof Number x) {
                        assertEquals(Long.parseLong(text), x.longValue(), where);
                    } else if (v instanceof OffsetDateTime x) {
                        ts.setString(1, text);
                        try (ResultSet t = ts.executeQuery()) {
                            t.next();
                            assertEquals(t.getObject(1, OffsetDateTime.class).toInstant(), x.toInstant(), where);
                        }
                    } else {
                        assertEquals(text, v.toString(), where);
                    }
                }
                assertEquals(c.size(), field, table + " row " + row + ": every CSV field compared");
                row++;
            }
            assertEquals(csvRows.size(), row, table);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String type(Statement d, Path parquet, String column) throws Exception {
        try (ResultSet rs = d.executeQuery("DESCRIBE SELECT " + column + " FROM read_parquet('" + parquet + "')")) {
            rs.next();
            return rs.getString("column_type");
        }
    }
}
