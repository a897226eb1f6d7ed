package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.receco.core.store.RunDatabase;
import org.receco.core.util.Csv;

/**
 * {@code receco sql RUN_DIR "SELECT ..." [--csv]}: one SQL statement against a run's H2 database, opened
 * read-only ({@link RunDatabase#openReadOnly}), its result as an aligned text table (numbers right-aligned,
 * NULL spelled out) or as CSV. A statement H2 refuses (a syntax error, an unknown table, any write) exits 2 with
 * H2's message and no stack trace; the run directory is never written.
 */
final class SqlCommand implements CliCommand {
    static final PositionalSpec<Path> RUN_DIR = PositionalSpec.required("RUN_DIR", ValueType.PATH,
            "A run directory (holding run.mv.db).");
    static final PositionalSpec<String> SQL = PositionalSpec.required("SQL", ValueType.STRING,
            "One SQL statement (H2's dialect), e.g. \"SELECT round, value FROM metrics WHERE name = 'clicks'\".");
    static final OptionSpec<Boolean> CSV = OptionSpec.flag("--csv", "Print the result as CSV (header row).");

    private static final CommandSpec SPEC = new CommandSpec("sql",
            List.of("Query a run's database (read-only) and print the result as a table or CSV."),
            List.of(RUN_DIR, SQL), List.of(CSV));

    /** JDBC types printed right-aligned. */
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        Path runDir = args.value(RUN_DIR);
        if (!Files.isRegularFile(RunDatabase.file(runDir))) {
            err.println("receco sql: " + runDir + " holds no run database (" + RunDatabase.FILE_NAME + ")");
            return RecEcoCli.INVALID_INPUT;
        }
        try (Connection c = RunDatabase.openReadOnly(runDir); Statement s = c.createStatement()) {
            if (!s.execute(args.value(SQL))) {
                out.println(s.getUpdateCount() + " rows");
                return RecEcoCli.OK;
            }
            try (ResultSet rs = s.getResultSet()) {
                if (args.flag(CSV)) {
                    csv(rs, out);
                } else {
                    table(rs, out);
                }
            }
        } catch (SQLException e) {
            err.println("receco sql: " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        }
        out.flush();
        return RecEcoCli.OK;
    }

    /** Streams the rows as CSV: a header of lower-case labels, empty fields for NULL. */
    private static void csv(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        Csv csv = new Csv(out);
        for (int k = 1; k <= n; k++) {
            csv.field(md.getColumnLabel(k).toLowerCase(Locale.ROOT));
        }
        csv.endRow();
        while (rs.next()) {
            for (int k = 1; k <= n; k++) {
                csv.field(rs.getString(k));
            }
            csv.endRow();
        }
    }

    /** The rows as an aligned table; all are read first, to know each column's width. */
    private static void table(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] header = new String[n];
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int k = 0; k < n; k++) {
            header[k] = md.getColumnLabel(k + 1).toLowerCase(Locale.ROOT);
            width[k] = header[k].length();
            right[k] = NUMERIC.contains(md.getColumnType(k + 1));
        }
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int k = 0; k < n; k++) {
                String v = rs.getString(k + 1);
                row[k] = v == null ? "NULL" : v.replace("\n", "\\n");
                width[k] = Math.max(width[k], row[k].length());
            }
            rows.add(row);
        }
        line(out, header, width, right);
        String[] rule = new String[n];
        for (int k = 0; k < n; k++) {
            rule[k] = "-".repeat(width[k]);
        }
        line(out, rule, width, right);
        for (String[] row : rows) {
            line(out, row, width, right);
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static void line(PrintWriter out, String[] cells, int[] width, boolean[] right) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[k] - cells[k].length());
            sb.append(right[k] ? pad + cells[k] : k == cells.length - 1 ? cells[k] : cells[k] + pad);
        }
        out.println(sb);
    }
}
