package org.receco.scenarios.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.receco.core.Phase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.study.StudyDefinition;
import org.receco.scenarios.study.StudyReport;
import org.receco.scenarios.study.StudyResult;
import org.receco.scenarios.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code receco study FILE}: replicates of every arm of a study, in parallel, reported relative to a baseline. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a study: every arm of a study file for N independent replicates, in parallel on all "
                + "cores, then write each metric's mean and 95 %% confidence band per round (relative to the "
                + "baseline arm) as summary.csv and one PNG chart per metric."})
public final class StudyCommand implements Callable<Integer> {
    private final ComponentCatalog catalog;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The study file (YAML).")
    private Path file;

    @Option(names = "--replicates", paramLabel = "N", description = "Replicates per arm (default: the file's).")
    private Integer replicates;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (0 = all cores; results never depend on it).")
    private int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default runs/studies/NAME).")
    private Path out;

    @Option(names = "--no-charts", description = "Write summary.csv and seeds.csv only, no PNG charts.")
    private boolean noCharts;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value in every arm.")
    private List<String> sets = new ArrayList<>();

    public StudyCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        // Compiling the SIMD kernels takes long enough to matter for short runs: start it on the idle core
        // while this command reads its files and builds the world.
        org.receco.core.util.Vec.warmUpAsync();
        if (replicates != null && replicates < 1) {
            spec.commandLine().getErr().println("receco study: --replicates must be at least 1");
            return RecEcoCli.INVALID_INPUT;
        }
        StudyDefinition def;
        try {
            def = StudyDefinition.read(file).withSet(sets);
            if (replicates != null) {
                def = def.withReplicates(replicates);
            }
            StudyRunner.load(def, catalog, 1); // validate every arm before running anything
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(spec.commandLine().getErr(), e);
            return RecEcoCli.INVALID_INPUT;
        }
        PrintStream log = System.err;
        long[] phases = new long[Phase.values().length];
        StudyResult r = StudyRunner.run(def, catalog, threads, log, phases);
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
