package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.receco.analysis.report.CompareWriter;

/** {@code receco compare RUN_DIR... [--out DIR]}: overlays the same metrics from several runs. */
final class CompareCommand implements CliCommand {
    static final PositionalSpec<Path> RUN_DIRS = PositionalSpec.oneOrMore("RUN_DIR", ValueType.PATH,
            "Run directories to compare.");
    static final OptionSpec<Path> OUT = SharedOptions.out("runs/compare-<yyyyMMdd-HHmmss>");

    private static final CommandSpec SPEC = new CommandSpec("compare",
            List.of("Overlay the metrics of several runs in DIR/compare.html: one line per run, labelled by "
                    + "recommender and whatever else differs (scenario, seed, rounds), and a table at the last "
                    + "round all runs reached with each run's difference from the first."),
            List.of(RUN_DIRS), List.of(OUT));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String missing = ReportCommand.missingRunDatabase(args.values(RUN_DIRS), "RUN_DIR");
        if (missing != null) {
            err.println("receco compare: " + missing);
            return RecEcoCli.INVALID_INPUT;
        }
        String outProblem = SharedOptions.outProblem("compare", args.value(OUT));
        if (outProblem != null) {
            err.println(outProblem);
            return RecEcoCli.INVALID_INPUT;
        }
        Path given = args.value(OUT);
        Path dir = given != null ? given : Path.of("runs",
                "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println("wrote " + CompareWriter.write(args.values(RUN_DIRS), dir));
        return RecEcoCli.OK;
    }
}
