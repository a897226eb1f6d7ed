package org.receco.scenarios.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.sweep.Shard;
import org.receco.scenarios.sweep.SlurmScript;
import org.receco.scenarios.sweep.SweepDefinition;
import org.receco.scenarios.sweep.SweepException;
import org.receco.scenarios.sweep.SweepFile;
import org.receco.scenarios.sweep.SweepIndex;
import org.receco.scenarios.sweep.SweepPlan;
import org.receco.scenarios.sweep.SweepProgress;
import org.receco.scenarios.sweep.SweepRunner;
import org.receco.scenarios.sweep.SweepSummary;

/**
 * {@code receco sweep FILE}: runs a parameter sweep (points × replicates) on a local pool, resumably, into an
 * index database and a summary; or one shard of it; or merges shards; or writes a Slurm job-array script.
 */
final class SweepCommand implements CliCommand {
    static final PositionalSpec<Path> FILE = PositionalSpec.required("FILE", ValueType.PATH,
            "The sweep file (YAML).");
    static final OptionSpec<Integer> THREADS = SharedOptions.THREADS;
    static final OptionSpec<String> SET = SharedOptions.SET;
    static final OptionSpec<Path> OUT = SharedOptions.out("the sweep file's output:");
    static final OptionSpec<Boolean> RETRY_FAILED = OptionSpec.flag("--retry-failed",
            "Run failed runs again (completed ones are always skipped).");
    static final OptionSpec<String> SHARD = OptionSpec.single("--shard", "I/N", ValueType.STRING,
            "Run only shard I of N (0 <= I < N), writing only its run directories, not the index.");
    static final OptionSpec<Boolean> COLLECT = OptionSpec.flag("--collect",
            "Merge the runs' results (e.g. of shards) into the index and write the summary.");
    static final OptionSpec<Boolean> EMIT_SLURM = OptionSpec.flag("--emit-slurm",
            "Write a Slurm job-array script for the sweep and exit.");
    static final OptionSpec<Integer> TASKS = OptionSpec.single("--tasks", "N", ValueType.INT,
            "With --emit-slurm: array tasks (default: one per run, at most 1000).").withDefault("0");
    static final OptionSpec<Integer> CPUS_PER_TASK = OptionSpec.single("--cpus-per-task", "N", ValueType.INT,
            "With --emit-slurm: CPUs per array task, each running that many runs at once (default 1).")
            .withDefault("1");
    static final OptionSpec<String> SLURM_OPTION = OptionSpec.repeatable("--slurm-option", "OPT", ValueType.STRING,
            "With --emit-slurm: a further #SBATCH option (repeatable), e.g. --slurm-option=--time=1:00:00");
    static final OptionSpec<String> LAUNCHER = OptionSpec.single("--launcher", "CMD", ValueType.STRING,
            "With --emit-slurm: the command the tasks start RecEco with, from the RecEco directory "
                    + "(default: ./receco).").withDefault("./receco");
    static final OptionSpec<Boolean> DUMP_INDEX = OptionSpec.flag("--dump-index",
            "Print the index contents without wall times (to compare sweeps).");
    static final OptionSpec<Boolean> DRY_RUN = SharedOptions.DRY_RUN;
    static final OptionSpec<Boolean> QUIET = SharedOptions.QUIET;

    private static final CommandSpec SPEC = new CommandSpec("sweep", List.of(
            "Run a parameter sweep: every point x replicate of a sweep file, each run its own model and H2 file, "
                    + "recorded in <output>/sweep.mv.db with a summary (summary.csv, summary.html).",
            "Re-running skips completed runs; --shard i/n runs one part (e.g. a Slurm array task), --collect "
                    + "merges the parts."),
            List.of(FILE), List.of(THREADS, SET, SharedOptions.SEED, SharedOptions.ROUNDS, OUT, RETRY_FAILED, SHARD, COLLECT, EMIT_SLURM, TASKS,
                    CPUS_PER_TASK, SLURM_OPTION, LAUNCHER, DUMP_INDEX, DRY_RUN, QUIET));

    private final ComponentCatalog catalog;

    SweepCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws SQLException, InterruptedException {
        // Compiling the SIMD kernels takes long enough to matter for short runs: start it on the idle core
        // while this command reads its files and builds the world.
        org.receco.core.util.Vec.warmUpAsync();
        PrintStream stdout = System.out;
        Path file = args.value(FILE);
        Path outDir = args.value(OUT);
        List<String> sets = args.values(SET);
        String shard = args.value(SHARD);
        int threads = args.value(THREADS);
        int tasks = args.value(TASKS);
        int cpusPerTask = args.value(CPUS_PER_TASK);
        boolean collect = args.flag(COLLECT);
        boolean emitSlurm = args.flag(EMIT_SLURM);
        boolean dumpIndex = args.flag(DUMP_INDEX);
        boolean retryFailed = args.flag(RETRY_FAILED);
        if (threads < 0 || tasks < 0 || cpusPerTask < 1) {
            err.println("receco sweep: --threads and --tasks must be >= 0, --cpus-per-task >= 1");
            return RecEcoCli.INVALID_INPUT;
        }
        String outProblem = SharedOptions.outProblem("sweep", outDir);
        if (outProblem != null) {
            err.println(outProblem);
            return RecEcoCli.INVALID_INPUT;
        }
        Shard part = null;
        if (shard != null) {
            try {
                part = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                err.println("receco sweep: --shard: " + e.getMessage());
                return RecEcoCli.INVALID_INPUT;
            }
        }
        if ((collect ? 1 : 0) + (emitSlurm ? 1 : 0) + (part != null ? 1 : 0) + (dumpIndex ? 1 : 0) > 1) {
            err.println("receco sweep: --shard, --collect, --emit-slurm and --dump-index exclude each other");
            return RecEcoCli.INVALID_INPUT;
        }
        SweepPlan plan;
        try {
            SweepDefinition d = SweepFile.read(file,
                    SharedOptions.withSeedAndRounds(sets, null, args.value(SharedOptions.ROUNDS)));
            if (args.value(SharedOptions.SEED) != null) {
                d = d.withSeed(args.value(SharedOptions.SEED));
            }
            if (outDir != null) {
                d = d.withOutput(outDir);
            }
            plan = SweepPlan.of(d, new ScenarioLoader(catalog));
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        SweepDefinition d = plan.definition();
        if (args.flag(DRY_RUN)) {
            stdout.printf("sweep %s: %s x %s = %s, output %s%n", d.name(), Plural.of(plan.points().size(), "point"),
                    Plural.of(d.replicates(), "replicate"), Plural.of(plan.runs().size(), "run"), d.output());
            for (SweepPlan.Point p : plan.points()) {
                stdout.printf("  %s  %s%n", plan.pointId(p), p.label());
            }
            try {
                String other = new SweepRunner(plan).otherDefinition();
                if (other != null) {
                    err.println("receco sweep: warning: " + other);
                }
            } catch (SweepException e) {
                err.println("receco sweep: warning: " + e.getMessage());
            }
            return RecEcoCli.OK;
        }
        if (emitSlurm) {
            String home = System.getProperty("receco.home");
            int n = tasks > 0 ? tasks : Math.min(1000, plan.runs().size());
            SlurmScript script = new SlurmScript(n, cpusPerTask, args.values(SLURM_OPTION), args.value(LAUNCHER),
                    Path.of(home == null ? "" : home).toAbsolutePath().normalize(),
                    SharedOptions.withSeedAndRounds(sets, null, args.value(SharedOptions.ROUNDS)),
                    args.value(SharedOptions.SEED), retryFailed);
            Path written = script.write(plan, file);
            stdout.printf("wrote %s (%d runs in %d array tasks)%n", written, plan.runs().size(),
                    Math.min(n, plan.runs().size()));
            List<String> then = new java.util.ArrayList<>(List.of("sweep", file.toString()));
            if (outDir != null) {
                then.addAll(List.of("--out", outDir.toString()));
            }
            then.addAll(script.definitionArgs());
            stdout.printf("submit: sbatch %s%nthen:   receco %s --collect%n", written, SlurmScript.shellWords(then));
            return RecEcoCli.OK;
        }
        try {
            if (dumpIndex) {
                try (SweepIndex index = SweepIndex.openExisting(d.output())) {
                    if (index == null) {
                        err.println("receco sweep: no index in " + d.output());
                        return RecEcoCli.FAILURE;
                    }
                    stdout.print(index.dump());
                }
                return RecEcoCli.OK;
            }
            SweepRunner runner = new SweepRunner(plan);
            SweepRunner.Report report;
            if (collect) {
                report = runner.collect();
                stdout.printf("sweep %s: collected %s%n", d.name(), Plural.of(report.executed(), "new result"));
            } else {
                int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                SweepProgress progress = args.flag(QUIET) ? SweepProgress.NONE : SweepProgress.forConsole(System.err);
                long t0 = System.nanoTime();
                report = runner.run(new SweepRunner.Options(n, part, retryFailed, progress));
                double s = (System.nanoTime() - t0) / 1e9;
                stdout.printf("sweep %s%s: ran %s in %.1f s (%.2f runs/min, %s)%n", d.name(),
                        part == null ? "" : " shard " + part, Plural.of(report.executed(), "run"), s,
                        report.executed() * 60 / Math.max(1e-9, s), Plural.of(n, "thread"));
            }
            int missing = report.planned() - report.completed() - report.failed();
            stdout.printf("  %s%s: %d completed, %d failed, %d not run%n", Plural.of(report.planned(), "run"),
                    part == null ? "" : " in this shard", report.completed(), report.failed(), missing);
            if (part == null) {
                try (SweepIndex index = SweepIndex.open(d.output())) {
                    SweepSummary.write(plan, index);
                }
                stdout.printf("  index %s, summary %s%n", d.output().resolve(SweepIndex.FILE_NAME),
                        d.output().resolve(SweepSummary.HTML));
            }
            if (report.failed() > 0) {
                err.println("receco sweep: " + Plural.of(report.failed(), "run") + " failed (errors in the index; rerun with "
                        + "--retry-failed to run them again)");
                return RecEcoCli.FAILURE;
            }
            return missing > 0 && (collect || part != null) ? RecEcoCli.FAILURE : RecEcoCli.OK;
        } catch (SweepException e) {
            err.println("receco sweep: " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        }
    }
}
