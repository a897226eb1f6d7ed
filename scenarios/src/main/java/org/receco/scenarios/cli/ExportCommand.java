package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.analysis.report.CsvExport;
import org.receco.analysis.report.DuckDbExport;

/**
 * {@code receco export RUN_DIR --format csv|parquet|duckdb [--out DIR]}: every table of a run as CSV (metrics in
 * long form), as one Parquet file per table, or as one DuckDB database file, for pandas, polars or R.
 */
final class ExportCommand implements CliCommand {
    /** Writes a run's tables into a directory; returns the files written. */
    @FunctionalInterface
    interface Format {
        List<Path> write(Path runDir, Path outDir) throws Exception;
    }

    /** The formats by name, in the order the help lists them, with the default output directory in RUN_DIR. */
    record Entry(Format format, String defaultDir) {
    }

    static final Map<String, Entry> FORMATS = formats();

    private static Map<String, Entry> formats() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("csv", new Entry(CsvExport::export, "csv"));
        m.put("parquet", new Entry(DuckDbExport::parquet, "parquet"));
        m.put("duckdb", new Entry((run, out) -> List.of(DuckDbExport.duckdb(run, out)), "."));
        return m;
    }

    static final PositionalSpec<Path> RUN_DIR = PositionalSpec.required("RUN_DIR", ValueType.PATH,
            "A run directory (holding run.mv.db).");
    static final OptionSpec<String> FORMAT = OptionSpec.single("--format", "FORMAT", ValueType.STRING,
            "Output format: csv, parquet (one file per table, ids named user_id, item_id, author_id) or duckdb "
                    + "(RUN_DIR/run.duckdb).").withDefault("csv");
    static final OptionSpec<Path> OUT = SharedOptions.out("RUN_DIR/csv, RUN_DIR/parquet, RUN_DIR for duckdb");

    private static final CommandSpec SPEC = new CommandSpec("export",
            List.of("Export every table of a run as CSV (metrics in long form: round,name,value), Parquet or a "
                    + "DuckDB file for pandas, polars or R."),
            List.of(RUN_DIR), List.of(FORMAT, OUT));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String format = args.value(FORMAT);
        Entry e = FORMATS.get(format);
        if (e == null) {
            err.println("receco export: unknown format '" + format + "'; allowed: "
                    + String.join(", ", FORMATS.keySet()));
            return RecEcoCli.INVALID_INPUT;
        }
        Path runDir = args.value(RUN_DIR);
        String problem = ReportCommand.missingRunDatabase(List.of(runDir), "RUN_DIR");
        if (problem == null) {
            problem = SharedOptions.outProblem("export", args.value(OUT));
        }
        if (problem == null && args.value(OUT) == null && !java.nio.file.Files.isWritable(runDir)) {
            problem = ReportCommand.readOnly(runDir, e.defaultDir().equals(".") ? "run.duckdb" : e.defaultDir() + "/",
                    "receco export " + runDir + " --format " + format, format);
        }
        if (problem != null) {
            err.println(problem.startsWith("receco") ? problem : "receco export: " + problem);
            return RecEcoCli.INVALID_INPUT;
        }
        org.receco.core.store.RunDatabase.openPlayed(runDir).close(); // a run with no round: refused, nothing written
        Path given = args.value(OUT);
        Path dir = given != null ? given : runDir.resolve(e.defaultDir()).normalize();
        List<Path> files = e.format().write(runDir, dir);
        out.println("wrote " + files.size() + (files.size() == 1 ? " file" : " files") + " to " + dir);
        return RecEcoCli.OK;
    }
}
