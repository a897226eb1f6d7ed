package org.receco.analysis.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.receco.core.store.RunDatabase;
import org.receco.core.store.StoredTable;
import org.receco.core.util.Csv;

/**
 * Writes every table of a run database as CSV ({@link Csv}: RFC 4180 quoting, header row, {@code .csv} per table)
 * for pandas or R, streaming rows (nothing is held in memory). The tables are those the database's catalogue
 * lists ({@link RunDatabase#tables}), components' declared tables included, rows in key order.
 * {@code metrics.csv} is already long form (round, name, value). Snapshot vectors are written wide:
 * {@code v1..vd} columns.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** Exports into {@code outDir}; returns the files written. */
    public static List<Path> export(Path runDir, Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        List<Path> out = new ArrayList<>();
        try (Connection c = RunDatabase.openPlayed(runDir); Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            for (StoredTable t : RunDatabase.tables(c)) {
                Path f = outDir.resolve(t.name() + ".csv");
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + " ORDER BY " + t.orderBy());
                     BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                    write(rs, new Csv(w));
                }
                out.add(f);
            }
        }
        return out;
    }

    private static void write(ResultSet rs, Csv csv) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int arrayCol = -1;
        for (int k = 1; k <= n; k++) {
            if (md.getColumnType(k) == java.sql.Types.ARRAY) {
                arrayCol = k;
            }
        }
        boolean has = rs.next();
        for (int k = 1; k <= n; k++) {
            if (k == arrayCol) {
                int dims = has ? ((Object[]) rs.getArray(k).getArray()).length : 0;
                for (int x = 1; x <= dims; x++) {
                    csv.field("v" + x);
                }
            } else {
                csv.field(md.getColumnLabel(k).toLowerCase(Locale.ROOT));
            }
        }
        csv.endRow();
        for (; has; has = rs.next()) {
            for (int k = 1; k <= n; k++) {
                if (k == arrayCol) {
                    Array a = rs.getArray(k);
                    for (Object x : (Object[]) a.getArray()) {
                        csv.field(String.valueOf(x));
                    }
                    a.free();
                } else {
                    csv.field(rs.getString(k));
                }
            }
            csv.endRow();
        }
    }
}
