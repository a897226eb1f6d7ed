package org.receco.scenarios.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.receco.core.Phase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code receco bench [FILE]}: runs a scenario with its store on (interactions logged, as in a real run) into
 * a scratch directory and reports rounds/s, user-steps/s, peak heap and the wall time of each phase. The
 * default is SimuLine's own sizes, {@code scenarios/simuline-default.yaml}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Benchmark a scenario (default: scenarios/simuline-default.yaml): rounds/s, user-steps/s, "
                + "peak heap, time per phase.")
final class BenchCommand implements Callable<Integer> {
    private final ComponentCatalog catalog;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Scenario to benchmark (default: scenarios/simuline-default.yaml).")
    private Path file;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds to play (default: the scenario's).")
    private Integer rounds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Worker threads (0: all cores).")
    private int threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value (repeatable).")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--keep", description = "Keep the run directory (default: deleted after the benchmark).")
    private boolean keep;

    @Spec
    private CommandSpec spec;

    BenchCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws IOException {
        Path scenario = file != null ? file : defaultScenario();
        List<String> sets = new ArrayList<>(overrides);
        if (rounds != null) {
            sets.add("rounds=" + rounds);
        }
        LoadedScenario loaded;
        try {
            loaded = new ScenarioLoader(catalog).load(scenario, sets);
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(spec.commandLine().getErr(), e);
            return RecEcoCli.INVALID_INPUT;
        }
        Path out = Files.createTempDirectory("receco-bench");
        try {
            RunResult r = Runner.run(loaded, new Runner.Options(out, threads, Progress.forConsole(System.err)));
            report(r, loaded, System.out);
        } finally {
            if (keep) {
                System.out.println("run kept in " + out);
            } else {
                deleteTree(out);
            }
        }
        return RecEcoCli.OK;
    }

    private static Path defaultScenario() {
        String home = System.getProperty("receco.home");
        Path p = Path.of("scenarios", "simuline-default.yaml");
        return home == null || Files.exists(p) ? p : Path.of(home).resolve(p);
    }

    static void report(RunResult r, LoadedScenario loaded, PrintStream out) {
        int rounds = r.manifest().roundsCompleted();
        out.printf("benchmark: %s (%s), %d users, %d rounds, %d threads, %d cores%n", loaded.sourceName(),
                r.manifest().status(), loaded.scenario().users().count(), rounds, r.manifest().threads(),
                Runtime.getRuntime().availableProcessors());
        out.printf("  wall time       %.2f s%n", r.wallSeconds());
        out.printf("  rounds/s        %.3f%n", rounds / r.wallSeconds());
        out.printf("  user-steps/s    %,.0f%n", r.userSteps() / r.wallSeconds());
        out.printf("  peak heap       %,.0f MiB%n", r.peakHeapBytes() / 1048576.0);
        out.printf("  clicks          %,d (interactions logged to H2)%n", r.clicks());
        out.println("  time per phase:");
        long total = 0;
        for (long n : r.phaseNanos()) {
            total += n;
        }
        for (Phase p : Phase.values()) {
            long n = r.phaseNanos()[p.ordinal()];
            out.printf("    %-10s %8.2f s  %5.1f %%%n", p.name().toLowerCase(), n / 1e9, total == 0 ? 0 : 100.0 * n / total);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
