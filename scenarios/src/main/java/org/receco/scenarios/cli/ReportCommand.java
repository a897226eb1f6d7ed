package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.receco.analysis.report.ReportWriter;

/** {@code receco report RUN_DIR [--baseline RUN_DIR]}: writes {@code report.html} (and its charts) beside the run database. */
final class ReportCommand implements CliCommand {
    static final PositionalSpec<Path> RUN_DIR = PositionalSpec.required("RUN_DIR", ValueType.PATH,
            "A run directory (holding run.mv.db).");
    static final OptionSpec<Integer> PCA_ROUNDS = OptionSpec.list("--pca-rounds", "R", ValueType.INT, ",",
            "Snapshot rounds to project (default: first, middle and last snapshot).");

    static final OptionSpec<Path> BASELINE = OptionSpec.single("--baseline", "RUN_DIR", ValueType.PATH,
            "A run to state the findings against (e.g. the same scenario under random).");

    static final OptionSpec<Path> OUT = SharedOptions.out("RUN_DIR; report.html and charts/ are written there");

    private static final CommandSpec SPEC = new CommandSpec("report",
            List.of("Write RUN_DIR/report.html (or --out DIR/report.html): findings (what rose and fell, by how much, against round 0 and a "
                    + "baseline run), metric summary, one chart per metric family (a panel per scale, events "
                    + "marked; PNG + SVG), latent space by PCA, scenario. Opens offline in any browser."),
            List.of(RUN_DIR), List.of(PCA_ROUNDS, BASELINE, OUT));

    /**
     * "WHAT DIR: no run database (run.mv.db) there" (or, for a run killed before it recorded itself, that it was
     * stopped before its first round) for the first directory without a run database, else null.
     */
    static String missingRunDatabase(List<Path> dirs, String what) {
        for (Path d : dirs) {
            if (!java.nio.file.Files.isRegularFile(org.receco.core.store.RunDatabase.file(d))) {
                return what + " " + d + ": " + org.receco.core.store.RunDatabase.whyNoDatabase(d);
            }
        }
        return null;
    }

    /**
     * "RUN_DIR DIR cannot be written (read-only), so FILE cannot go beside the run; write it elsewhere with --out
     * DIR, e.g. COMMAND --out STEM-RUN": a reader's output has no room in a run it may only read.
     */
    static String readOnly(Path runDir, String file, String command, String stem) {
        return "RUN_DIR " + runDir + " cannot be written (read-only), so " + file + " cannot go beside the run; "
                + "write it elsewhere with --out DIR, e.g. " + command + " --out " + stem + "-" + runDir.getFileName();
    }

    /** Whether report.html and its charts can be written in {@code dir}. */
    static boolean writable(Path dir) {
        Path html = dir.resolve("report.html");
        return java.nio.file.Files.isWritable(dir)
                && (!java.nio.file.Files.exists(html) || java.nio.file.Files.isWritable(html));
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String missing = missingRunDatabase(List.of(args.value(RUN_DIR)), "RUN_DIR");
        if (missing == null && args.value(BASELINE) != null) {
            missing = missingRunDatabase(List.of(args.value(BASELINE)), "--baseline");
        }
        if (missing != null) {
            err.println("receco report: " + missing);
            return RecEcoCli.INVALID_INPUT;
        }
        String outProblem = SharedOptions.outProblem("report", args.value(OUT));
        if (outProblem != null) {
            err.println(outProblem);
            return RecEcoCli.INVALID_INPUT;
        }
        Path dir = args.value(OUT) != null ? args.value(OUT) : args.value(RUN_DIR);
        if (args.value(OUT) == null && !writable(dir)) {
            // the run itself opens read-only (RunDatabase.open); only the report's default place is the problem
            err.println("receco report: " + readOnly(dir, "report.html", "receco report " + dir, "report"));
            return RecEcoCli.INVALID_INPUT;
        }
        long t0 = System.nanoTime();
        Path written;
        try {
            written = ReportWriter.write(args.value(RUN_DIR), args.values(PCA_ROUNDS), args.value(BASELINE), dir);
        } catch (IllegalArgumentException e) {
            err.println("receco report: --pca-rounds: " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        }
        System.out.printf("wrote %s (%.1f s)%n", written, (System.nanoTime() - t0) / 1e9);
        return RecEcoCli.OK;
    }
}
