package org.receco.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.receco.agents.users.llm.LlmCallsTable;
import org.receco.core.Phase;
import org.receco.core.store.StoreOptions.ImpressionMode;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.model.StoreSpec;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.Rerun;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@code receco bench [FILE]}: runs a scenario with its store as the scenario sets it (as in a real run) into
 * a scratch directory and reports rounds/s, user-steps/s, peak heap and the wall time of each phase. The
 * default is SimuLine's own sizes, {@code scenarios/simuline-default.yaml}.
 */
final class BenchCommand implements CliCommand {
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "Scenario to benchmark (default: scenarios/simuline-default.yaml).");
    static final OptionSpec<Integer> ROUNDS = SharedOptions.ROUNDS;
    static final OptionSpec<Long> SEED = SharedOptions.SEED;
    static final OptionSpec<Integer> THREADS = SharedOptions.THREADS;
    static final OptionSpec<String> SET = SharedOptions.SET;
    /** The same option as run's: one option means one thing wherever it is taken. */
    static final OptionSpec<Path> REPLAY = RunCommand.REPLAY;
    static final OptionSpec<Boolean> KEEP = OptionSpec.flag("--keep",
            "Keep the run directory (default: deleted after the benchmark).");

    private static final CommandSpec SPEC = new CommandSpec("bench",
            List.of("Benchmark a scenario (default: scenarios/simuline-default.yaml): rounds/s, user-steps/s, "
                    + "peak heap, time per phase."),
            List.of(FILE), List.of(SET, SEED, ROUNDS, THREADS, REPLAY, KEEP, SharedOptions.QUIET));

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
        List<String> sets = SharedOptions.withSeedAndRounds(parsed.values(SET), parsed.value(SEED), rounds);
        String problem = SharedOptions.threadsProblem("bench", parsed.value(THREADS));
        if (problem != null) {
            err.println(problem);
            return RecEcoCli.INVALID_INPUT;
        }
        Path replay = parsed.value(REPLAY);
        if (replay != null && (file != null || !sets.isEmpty())) {
            err.println("receco bench: --replay benchmarks the recorded run as it ran; give no FILE, --set, --seed "
                    + "or --rounds with it");
            return RecEcoCli.INVALID_INPUT;
        }
        LoadedScenario loaded;
        LlmCallsTable.Recorded recorded = null;
        try {
            if (replay != null) {
                loaded = Rerun.load(replay, new ScenarioLoader(catalog));
                recorded = LlmCallsTable.read(replay);
            } else {
                loaded = new ScenarioLoader(catalog).load(scenario, sets);
            }
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        } catch (Rerun.NotReplayable e) {
            err.println("receco bench: --replay " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        } catch (java.sql.SQLException | RuntimeException e) {
            err.println("receco bench: --replay " + replay + ": cannot read its recorded LLM calls: " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        }
        Path scratch = Files.createTempDirectory("receco-bench");
        try {
            RunResult r;
            try {
                r = Runner.run(loaded, new Runner.Options(scratch, parsed.value(THREADS),
                        parsed.flag(SharedOptions.QUIET) ? Progress.NONE : Progress.forConsole(System.err), null,
                        replay == null ? null : replay.toString(), recorded));
            } catch (RunFailedException e) {
                // A replay that diverges from its record (a request it did not record) ends here.
                err.println("receco bench: " + e.getMessage());
                return RecEcoCli.FAILURE;
            }
            report(r, loaded, out);
            if (recorded != null) {
                long decisions = LlmDecisions.count(r.runDir());
                double choose = r.phaseNanos()[Phase.CHOOSE.ordinal()] / 1e9;
                out.printf("  llm decisions   %,d replayed from %,d recorded calls: %,.0f/s over the run, %,.0f/s "
                        + "in the choose phase%n", decisions, recorded.size(), decisions / r.wallSeconds(),
                        decisions / Math.max(1e-9, choose));
            }
        } finally {
            if (keep) {
                out.println("run kept in " + scratch);
            } else {
                deleteTree(scratch);
            }
        }
        return RecEcoCli.OK;
    }

    /** The LLM decisions a run recorded ({@code llm_calls} rows). */
    static final class LlmDecisions {
        private LlmDecisions() {
        }

        static long count(Path runDir) {
            try (java.sql.Connection c = org.receco.core.store.RunDatabase.openReadOnly(runDir);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM llm_calls")) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                return 0;
            }
        }
    }

    private static Path defaultScenario() {
        String home = System.getProperty("receco.home");
        Path p = Path.of("scenarios", "simuline-default.yaml");
        return home == null || Files.exists(p) ? p : Path.of(home).resolve(p);
    }

    static void report(RunResult r, LoadedScenario loaded, PrintWriter out) {
        int rounds = r.manifest().roundsCompleted();
        out.printf("benchmark: %s (%s), %d users, %d rounds, %d threads, %d cores%n", loaded.sourceName(),
                r.manifest().status(), loaded.scenario().users().totalCount(), rounds, r.manifest().threads(),
                Runtime.getRuntime().availableProcessors());
        out.printf("  wall time       %.2f s%n", r.wallSeconds());
        out.printf("  rounds/s        %.3f%n", rounds / r.wallSeconds());
        out.printf("  user-steps/s    %,.0f%n", r.userSteps() / r.wallSeconds());
        out.printf("  peak heap       %,.0f MiB%n", r.peakHeapBytes() / 1048576.0);
        out.printf("  clicks          %,d (%s)%n", r.clicks(), recorded(loaded.scenario().store()));
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

    /** What the run's database recorded besides metrics, as the store section chose: the benchmark's cost. */
    static String recorded(StoreSpec store) {
        List<String> parts = new ArrayList<>();
        parts.add(store.interactions() ? "every click recorded to H2" : "clicks not recorded (store.interactions=false)");
        if (store.impressions() != ImpressionMode.off) {
            parts.add("impressions " + store.impressions().name());
        }
        if (store.snapshotEvery() > 0) {
            parts.add("snapshots every " + Plural.of(store.snapshotEvery(), "round"));
        }
        return String.join(", ", parts);
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
