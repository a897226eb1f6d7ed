package org.receco.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.receco.core.store.RunDatabase;
import org.receco.core.store.StoredTable;

/**
 * Writes every table of a run database for Python and R: one Parquet file per table ({@link #parquet}, ZSTD)
 * or one DuckDB database file {@code run.duckdb} ({@link #duckdb}), through DuckDB's own writer. The tables are
 * those the run's catalogue lists ({@link RunDatabase#tables}), components' declared tables included, rows in key
 * order; column types follow H2's ({@link #TYPES}: booleans stay BOOLEAN, snapshot vectors are {@code FLOAT[]}),
 * and ids follow one naming convention ({@link #RENAMES}) so that tables join on equal column names.
 *
 * <p>Rows are streamed from H2 through JDBC into DuckDB with its appender (no row is held in Java), into an
 * in-memory database for Parquet ({@code COPY ... TO ... (FORMAT PARQUET)}, the table dropped once written)
 * or straight into the database file.
 */
public final class DuckDbExport {
    /**
     * The exported files' column names where they differ from the store's: every id of a user, item, author or
     * channel is {@code <thing>_id}, in the table of that thing as in the tables referring to it. Snapshots
     * keep {@code kind} + {@code id} (the id is a user's or an item's, by kind). The README lists the same map.
     */
    public static final Map<String, Map<String, String>> RENAMES = Map.of(
            "users", Map.of("id", "user_id"),
            "authors", Map.of("id", "author_id"),
            "items", Map.of("id", "item_id", "author", "author_id"),
            "interactions", Map.of("item", "item_id"),
            "impressions", Map.of("item", "item_id", "channel", "channel_id"),
            "channels", Map.of("id", "channel_id"));

    /** How one H2 column (by its {@link Types JDBC type}) is declared in DuckDB and moved into the appender. */
    record ColumnMove(String duckType, Mover mover) {
    }

    /** Appends column {@code col} of the current row of {@code rs}, NULL included. */
    @FunctionalInterface
    interface Mover {
        void move(ResultSet rs, int col, DuckDBAppender to) throws SQLException;
    }

    /**
     * Every column type a run table can have ({@code core.store.ColumnType}, a closed set), by JDBC type: H2's
     * REAL is 32-bit as DuckDB's FLOAT is, text of any length (CLOB included) is VARCHAR.
     */
    static final Map<Integer, ColumnMove> TYPES = Map.ofEntries(
            Map.entry(Types.TINYINT, new ColumnMove("TINYINT", (rs, c, a) -> {
                byte v = rs.getByte(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.SMALLINT, new ColumnMove("SMALLINT", (rs, c, a) -> {
                short v = rs.getShort(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.INTEGER, new ColumnMove("INTEGER", (rs, c, a) -> {
                int v = rs.getInt(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.BIGINT, new ColumnMove("BIGINT", (rs, c, a) -> {
                long v = rs.getLong(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.REAL, new ColumnMove("FLOAT", (rs, c, a) -> {
                float v = rs.getFloat(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.DOUBLE, new ColumnMove("DOUBLE", (rs, c, a) -> {
                double v = rs.getDouble(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.BOOLEAN, new ColumnMove("BOOLEAN", (rs, c, a) -> {
                boolean v = rs.getBoolean(c);
                if (rs.wasNull()) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })),
            Map.entry(Types.VARCHAR, new ColumnMove("VARCHAR", DuckDbExport::text)),
            Map.entry(Types.CLOB, new ColumnMove("VARCHAR", DuckDbExport::text)),
            Map.entry(Types.ARRAY, new ColumnMove("FLOAT[]", DuckDbExport::vector)),
            Map.entry(Types.TIMESTAMP_WITH_TIMEZONE, new ColumnMove("TIMESTAMPTZ", (rs, c, a) -> {
                OffsetDateTime v = rs.getObject(c, OffsetDateTime.class);
                if (v == null) {
                    a.appendNull();
                } else {
                    a.append(v);
                }
            })));

    /** The name of the DuckDB database file {@link #duckdb} writes. */
    public static final String DUCKDB_FILE = "run.duckdb";

    private DuckDbExport() {
    }

    /** Writes {@code <table>.parquet} per table into {@code outDir}; returns the files written. */
    public static List<Path> parquet(Path runDir, Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        List<Path> out = new ArrayList<>();
        try (Connection h2 = RunDatabase.openPlayed(runDir);
             DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement d = duck.createStatement()) {
            for (StoredTable t : RunDatabase.tables(h2)) {
                Path f = outDir.resolve(t.name() + ".parquet");
                copy(h2, t, duck);
                d.execute("COPY " + t.name() + " TO '" + sqlString(f.toAbsolutePath()) + "' (FORMAT PARQUET, "
                        + "COMPRESSION ZSTD)");
                d.execute("DROP TABLE " + t.name());
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Writes every table into the DuckDB database file {@code outDir/run.duckdb} (replacing an earlier one),
     * each with its catalogue description as the table comment; returns the file.
     */
    public static Path duckdb(Path runDir, Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        Path f = outDir.resolve(DUCKDB_FILE);
        Files.deleteIfExists(f);
        Files.deleteIfExists(outDir.resolve(DUCKDB_FILE + ".wal"));
        try (Connection h2 = RunDatabase.openPlayed(runDir);
             DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"
                     + f.toAbsolutePath());
             Statement d = duck.createStatement()) {
            for (StoredTable t : RunDatabase.tables(h2)) {
                copy(h2, t, duck);
                d.execute("COMMENT ON TABLE " + t.name() + " IS '" + sqlString(t.description()) + "'");
            }
            d.execute("CHECKPOINT");
        }
        return f;
    }

    /** Creates table {@code t} in DuckDB with H2's column types, renamed, and streams its rows in key order. */
    private static void copy(Connection h2, StoredTable t, DuckDBConnection duck) throws SQLException {
        Map<String, String> renames = RENAMES.getOrDefault(t.name(), Map.of());
        try (Statement s = h2.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + " ORDER BY " + t.orderBy())) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                Mover[] movers = new Mover[n + 1];
                List<String> columns = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    ColumnMove m = TYPES.get(md.getColumnType(k));
                    String name = md.getColumnLabel(k).toLowerCase(Locale.ROOT);
                    if (m == null || md.getColumnType(k) == Types.ARRAY
                            && !md.getColumnTypeName(k).equals("REAL ARRAY")) {
                        throw new IllegalStateException("table " + t.name() + ", column " + name + ": H2 type "
                                + md.getColumnTypeName(k) + " has no DuckDB counterpart here; known: "
                                + "the types of core.store.ColumnType");
                    }
                    movers[k] = m.mover();
                    columns.add('"' + renames.getOrDefault(name, name) + "\" " + m.duckType());
                }
                try (Statement d = duck.createStatement()) {
                    d.execute("CREATE TABLE " + t.name() + " (" + String.join(", ", columns) + ")");
                }
                try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name())) {
                    while (rs.next()) {
                        a.beginRow();
                        for (int k = 1; k <= n; k++) {
                            movers[k].move(rs, k, a);
                        }
                        a.endRow();
                    }
                }
            }
        }
    }

    private static void text(ResultSet rs, int c, DuckDBAppender a) throws SQLException {
        String v = rs.getString(c);
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    private static void vector(ResultSet rs, int c, DuckDBAppender a) throws SQLException {
        Array arr = rs.getArray(c);
        if (arr == null) {
            a.appendNull();
            return;
        }
        Object[] xs = (Object[]) arr.getArray();
        float[] v = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            v[i] = (Float) xs[i];
        }
        a.append(v);
        arr.free();
    }

    /** {@code s} inside an SQL string literal. */
    private static String sqlString(Object s) {
        return s.toString().replace("'", "''");
    }
}
