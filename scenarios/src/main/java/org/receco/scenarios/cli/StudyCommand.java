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
    static final OptionSpec<Integer> THREADS = OptionSpec.single("--threads", "N", ValueType.INT,
            "Worker threads (0 = all cores; results never depend on it).").withDefault("0");
    static final OptionSpec<Path> OUT = OptionSpec.single("--out", "DIR", ValueType.PATH,
            "Report directory (default runs/studies/NAME).");
    static final OptionSpec<Boolean> NO_CHARTS = OptionSpec.flag("--no-charts",
            "Write summary.csv and seeds.csv only, no PNG charts.");
    static final OptionSpec<String> SET = OptionSpec.repeatable("--set", "PATH=VALUE", ValueType.STRING,
            "Override a scenario value in every arm.");

    private static final CommandSpec SPEC = new CommandSpec("study",
            List.of("Run a study: every arm of a study file for N independent replicates, in parallel on all "
                    + "cores, then write each metric's mean and 95 % confidence band per round (relative to the "
                    + "baseline arm) as summary.csv and one PNG chart per metric."),
            List.of(FILE), List.of(REPLICATES, THREADS, OUT, NO_CHARTS, SET));

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
        if (args.value(THREADS) < 0) {
            err.println("receco study: --threads must be 0 (all cores) or positive");
            return RecEcoCli.INVALID_INPUT;
        }
        StudyDefinition def;
        StudyResult r;
        long[] phases = new long[Phase.values().length];
        try {
            def = StudyDefinition.read(args.value(FILE)).withSet(args.values(SET));
            if (replicates != null) {
                def = def.withReplicates(replicates);
            }
            // The runner loads (and so validates) every arm of every replicate before it runs anything.
            r = StudyRunner.run(def, catalog, args.value(THREADS), System.err, phases);
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        Path dir = out != null ? out : Path.of("runs", "studies", def.name());
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
}
