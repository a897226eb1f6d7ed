package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.receco.core.Phase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.study.StudyDefinition;
import org.receco.scenarios.study.StudyReport;
import org.receco.scenarios.study.StudyResult;
import org.receco.scenarios.study.StudyRunner;

/** {@code receco study FILE}: replicates of every arm of a study, in parallel, reported relative to a baseline. */
public final class StudyCommand implements CliCommand {
    static final PositionalSpec<Path> FILE = PositionalSpec.required("FILE", ValueType.PATH,
            "The study file (YAML).");
    static final OptionSpec<Integer> REPLICATES = OptionSpec.single("--replicates", "N", ValueType.INT,
            "Replicates per arm (default: the file's).");
    static final OptionSpec<Integer> THREADS = SharedOptions.THREADS;
    static final OptionSpec<Path> OUT = SharedOptions.out("runs/studies/NAME");
    static final OptionSpec<Boolean> NO_CHARTS = OptionSpec.flag("--no-charts",
            "Write summary.csv and seeds.csv only, no PNG charts.");
    static final OptionSpec<String> SET = SharedOptions.SET;

    private static final CommandSpec SPEC = new CommandSpec("study",
            List.of("Run a study: every arm of a study file for N independent replicates, in parallel on all "
                    + "cores, then write each metric's mean and 95 % confidence band per round (relative to the "
                    + "baseline arm) as summary.csv and one PNG chart per metric."),
            List.of(FILE), List.of(REPLICATES, THREADS, OUT, NO_CHARTS, SET, SharedOptions.SEED, SharedOptions.ROUNDS,
                    SharedOptions.DRY_RUN, SharedOptions.QUIET));

    private final ComponentCatalog catalog;

    public StudyCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter stdout, PrintWriter err) {
        // Compiling the SIMD kernels takes long enough to matter for short runs: start it on the idle core
        // while this command reads its files and builds the world.
        org.receco.core.util.Vec.warmUpAsync();
        Integer replicates = args.value(REPLICATES);
        Path out = args.value(OUT);
        boolean noCharts = args.flag(NO_CHARTS);
        if (replicates != null && replicates < 1) {
            err.println("receco study: --replicates must be at least 1");
            return RecEcoCli.INVALID_INPUT;
        }
        String problem = SharedOptions.threadsProblem("study", args.value(THREADS));
        if (problem == null) {
            problem = SharedOptions.outProblem("study", out);
        }
        if (problem != null) {
            err.println(problem);
            return RecEcoCli.INVALID_INPUT;
        }
        StudyDefinition def;
        StudyResult r;
        long[] phases = new long[Phase.values().length];
        try {
            def = StudyDefinition.read(args.value(FILE)).withSet(
                    SharedOptions.withSeedAndRounds(args.values(SET), null, args.value(SharedOptions.ROUNDS)));
            if (replicates != null) {
                def = def.withReplicates(replicates);
            }
            if (args.value(SharedOptions.SEED) != null) {
                def = def.withSeed(args.value(SharedOptions.SEED));
            }
            if (args.flag(SharedOptions.DRY_RUN)) {
                return dryRun(def, out);
            }
            // The runner loads (and so validates) every arm of every replicate before it runs anything.
            r = StudyRunner.run(def, catalog, args.value(THREADS), args.flag(SharedOptions.QUIET) ? null : System.err,
                    phases);
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        Path dir = reportDir(def, out);
        StudyReport.write(r, dir, !noCharts);
        StudyReport.printTable(r, System.out, Math.max(1, r.rounds() / 10));
        long total = 0;
        for (long n : phases) {
            total += n;
        }
        System.out.println("time per phase (summed over runs):");
        for (Phase p : Phase.values()) {
            long n = phases[p.ordinal()];
            System.out.printf("  %-10s %8.2f s  %5.1f %%%n", p.name().toLowerCase(), n / 1e9,
                    total == 0 ? 0 : 100.0 * n / total);
        }
        System.out.println("report: " + dir.resolve("summary.csv") + ", seeds.csv"
                + (noCharts ? " (no charts: --no-charts)" : " and one PNG chart per metric"));
        return RecEcoCli.OK;
    }

    private static Path reportDir(StudyDefinition def, Path out) {
        return out != null ? out : Path.of("runs", "studies", def.name());
    }

    /** Loads every arm of every replicate, as a run would before starting, and says what would run where. */
    private int dryRun(StudyDefinition def, Path out) {
        long[] seeds = new long[def.replicates()];
        int rounds = 0;
        for (int k = 0; k < seeds.length; k++) {
            seeds[k] = StudyRunner.replicateSeed(def.seed(), k);
            rounds = StudyRunner.load(def, catalog, seeds[k]).values().iterator().next().scenario().rounds();
        }
        System.out.printf("study %s: %s x %s = %s of %s, report %s%n", def.name(), Plural.of(def.arms().size(), "arm"),
                Plural.of(def.replicates(), "replicate"), Plural.of((long) def.arms().size() * def.replicates(), "run"),
                Plural.of(rounds, "round"), reportDir(def, out));
        for (String arm : def.arms().keySet()) {
            System.out.printf("  %s%s%n", arm, arm.equals(def.baseline()) ? "  (baseline)" : "");
        }
        System.out.println("  replicate seeds " + java.util.Arrays.toString(seeds));
        return RecEcoCli.OK;
    }
}
