package org.receco.scenarios.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.receco.core.Phase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@code receco bench [FILE]}: runs a scenario with its store on (interactions logged, as in a real run) into
 * a scratch directory and reports rounds/s, user-steps/s, peak heap and the wall time of each phase. The
 * default is SimuLine's own sizes, {@code scenarios/simuline-default.yaml}.
 */
final class BenchCommand implements CliCommand {
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "Scenario to benchmark (default: scenarios/simuline-default.yaml).");
    static final OptionSpec<Integer> ROUNDS = OptionSpec.single("--rounds", "N", ValueType.INT,
            "Rounds to play (default: the scenario's).");
    static final OptionSpec<Integer> THREADS = OptionSpec.single("--threads", "N", ValueType.INT,
            "Worker threads (0: all cores).").withDefault("0");
    static final OptionSpec<String> SET = OptionSpec.repeatable("--set", "PATH=VALUE", ValueType.STRING,
            "Override a scenario value (repeatable).");
    static final OptionSpec<Boolean> KEEP = OptionSpec.flag("--keep",
            "Keep the run directory (default: deleted after the benchmark).");

    private static final CommandSpec SPEC = new CommandSpec("bench",
            List.of("Benchmark a scenario (default: scenarios/simuline-default.yaml): rounds/s, user-steps/s, "
                    + "peak heap, time per phase."),
            List.of(FILE), List.of(ROUNDS, THREADS, SET, KEEP));

    private final ComponentCatalog catalog;

    BenchCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs parsed, PrintWriter out, PrintWriter err) throws IOException {
        Path file = parsed.value(FILE);
        Path scenario = file != null ? file : defaultScenario();
        Integer rounds = parsed.value(ROUNDS);
        boolean keep = parsed.flag(KEEP);
        List<String> sets = new ArrayList<>(parsed.values(SET));
        if (rounds != null) {
            sets.add("rounds=" + rounds);
        }
        LoadedScenario loaded;
        try {
            loaded = new ScenarioLoader(catalog).load(scenario, sets);
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        Path scratch = Files.createTempDirectory("receco-bench");
        try {
            RunResult r = Runner.run(loaded,
                    new Runner.Options(scratch, parsed.value(THREADS), Progress.forConsole(System.err)));
            report(r, loaded, System.out);
        } finally {
            if (keep) {
                System.out.println("run kept in " + scratch);
            } else {
                deleteTree(scratch);
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
                r.manifest().status(), loaded.scenario().users().totalCount(), rounds, r.manifest().threads(),
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
