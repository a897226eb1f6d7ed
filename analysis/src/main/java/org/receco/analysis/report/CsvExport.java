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
import org.receco.core.store.RunDatabase;

/**
 * Writes every table of a run database as CSV (RFC 4180, header row, {@code .csv} per table) for pandas or R,
 * streaming rows (nothing is held in memory). {@code metrics.csv} is already long form (round, name, value).
 * Snapshot vectors are written wide: {@code v1..vd} columns.
 */
public final class CsvExport {
    static final List<String> TABLES = List.of("run_manifest", "rounds", "users", "populations", "authors", "items", "interactions",
            "impressions", "channels", "snapshots", "metrics", "events");

    private CsvExport() {
    }

    /** Exports into {@code outDir}; returns the files written. */
    public static List<Path> export(Path runDir, Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        List<Path> out = new ArrayList<>();
        try (Connection c = RunDatabase.open(runDir); Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            for (String t : TABLES) {
                Path f = outDir.resolve(t + ".csv");
                String order = switch (t) {
                    case "run_manifest", "users", "populations", "authors", "items", "channels" -> "id";
                    case "rounds" -> "round";
                    case "events" -> "seq";
                    case "metrics" -> "round, name";
                    case "snapshots" -> "round, kind, id";
                    default -> "round, user_id, position";
                };
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY " + order);
                     BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                    write(rs, w);
                }
                out.add(f);
            }
        }
        return out;
    }

    private static void write(ResultSet rs, BufferedWriter w) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int arrayCol = -1;
        for (int k = 1; k <= n; k++) {
            if (md.getColumnType(k) == java.sql.Types.ARRAY) {
                arrayCol = k;
            }
        }
        boolean headerDone = false;
        StringBuilder line = new StringBuilder();
        while (true) {
            boolean has = rs.next();
            if (!headerDone) {
                line.setLength(0);
                for (int k = 1; k <= n; k++) {
                    if (k == arrayCol) {
                        int dims = has ? ((Object[]) rs.getArray(k).getArray()).length : 0;
                        for (int x = 1; x <= dims; x++) {
                            line.append(line.length() == 0 ? "" : ",").append("v").append(x);
                        }
                    } else {
                        line.append(line.length() == 0 ? "" : ",").append(md.getColumnLabel(k).toLowerCase());
                    }
                }
                w.write(line.append('\n').toString());
                headerDone = true;
            }
            if (!has) {
                return;
            }
            line.setLength(0);
            for (int k = 1; k <= n; k++) {
                if (k > 1) {
                    line.append(',');
                }
                if (k == arrayCol) {
                    Array a = rs.getArray(k);
                    Object[] xs = (Object[]) a.getArray();
                    for (int x = 0; x < xs.length; x++) {
                        line.append(x == 0 ? "" : ",").append(xs[x]);
                    }
                    a.free();
                } else {
                    line.append(field(rs.getString(k)));
                }
            }
            w.write(line.append('\n').toString());
        }
    }

    static String field(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
