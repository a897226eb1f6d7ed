package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.receco.analysis.report.CsvExport;

/** {@code receco export RUN_DIR --format csv [--out DIR]}: every table as CSV, metrics in long form. */
final class ExportCommand implements CliCommand {
    static final PositionalSpec<Path> RUN_DIR = PositionalSpec.required("RUN_DIR", ValueType.PATH,
            "A run directory (holding run.mv.db).");
    static final OptionSpec<String> FORMAT = OptionSpec.single("--format", "FORMAT", ValueType.STRING,
            "Output format: csv.").withDefault("csv");
    static final OptionSpec<Path> OUT = SharedOptions.out("RUN_DIR/csv");

    private static final CommandSpec SPEC = new CommandSpec("export",
            List.of("Export every table of a run as CSV (metrics in long form: round,name,value) for pandas or R."),
            List.of(RUN_DIR), List.of(FORMAT, OUT));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String format = args.value(FORMAT);
        if (!format.equals("csv")) {
            err.println("receco export: unknown format '" + format + "'; allowed: csv");
            return RecEcoCli.INVALID_INPUT;
        }
        Path runDir = args.value(RUN_DIR);
        String problem = ReportCommand.missingRunDatabase(List.of(runDir), "RUN_DIR");
        if (problem == null) {
            problem = SharedOptions.outProblem("export", args.value(OUT));
        }
        if (problem != null) {
            err.println(problem.startsWith("receco") ? problem : "receco export: " + problem);
            return RecEcoCli.INVALID_INPUT;
        }
        Path given = args.value(OUT);
        Path dir = given != null ? given : runDir.resolve("csv");
        List<Path> files = CsvExport.export(runDir, dir);
        System.out.println("wrote " + files.size() + " files to " + dir);
        return RecEcoCli.OK;
    }
}
