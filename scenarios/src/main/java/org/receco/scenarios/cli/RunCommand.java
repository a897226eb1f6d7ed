package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.receco.agents.users.llm.LlmCallsTable;
import org.receco.core.RunManifest;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.wiring.RatingsWorlds;
import org.receco.scenarios.run.MemoryEstimate;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.Rerun;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@code receco run FILE}: plays a scenario headless into a new run directory (H2 database + manifest),
 * with a progress bar and a closing summary. {@code --seed} and {@code --rounds} are shorthands for
 * {@code --set seed=N} and {@code --set rounds=N}, validated like the file. {@code receco run --from RUN_DIR}
 * plays a recorded run again from its recorded resolved scenario ({@link Rerun}), to the same database digest;
 * {@code --replay RUN_DIR} does the same answering every LLM request from the run's {@code llm_calls}.
 */
final class RunCommand implements CliCommand {
    static final OptionSpec<Long> SEED = SharedOptions.SEED;
    static final OptionSpec<Integer> ROUNDS = SharedOptions.ROUNDS;
    static final OptionSpec<Path> OUT = SharedOptions.out("runs; the run directory is created in it")
            .withDefault("runs");
    static final OptionSpec<Integer> THREADS = SharedOptions.THREADS;
    static final OptionSpec<Boolean> QUIET = SharedOptions.QUIET;
    static final OptionSpec<Path> FROM = OptionSpec.single("--from", "RUN_DIR", ValueType.PATH,
            "Play the recorded run in RUN_DIR again, from its recorded resolved scenario (no FILE, --set, --seed "
                    + "or --rounds): the new run's database has the same digest.");
    static final OptionSpec<Path> REPLAY = OptionSpec.single("--replay", "RUN_DIR", ValueType.PATH,
            "As --from, and every LLM request is answered from RUN_DIR's recorded llm_calls: no request is sent "
                    + "(a request the run did not record is an error), and the database has the same digest.");
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "The scenario file (YAML); omitted with --from.");

    private static final CommandSpec SPEC = new CommandSpec("run",
            List.of("Run a scenario headless and record every round to runs/<scenario>-<recommender>-<time>-s<seed>/run.mv.db."),
            List.of(FILE), List.of(ScenarioArgs.SET, SEED, ROUNDS, FROM, REPLAY, OUT, THREADS, QUIET));

    /** The exit code of a run stopped by Ctrl-C, as a shell reports a process ended by SIGINT. */
    static final int INTERRUPTED = 130;

    private final ComponentCatalog catalog;

    RunCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs parsed, PrintWriter out, PrintWriter err) {
        // Compiling the SIMD kernels takes long enough to matter for short runs: start it on the idle core
        // while this command reads its files and builds the world.
        org.receco.core.util.Vec.warmUpAsync();
        Path file = parsed.value(FILE);
        List<String> sets = parsed.values(ScenarioArgs.SET);
        Long seed = parsed.value(SEED);
        Integer rounds = parsed.value(ROUNDS);
        Path from = parsed.value(FROM);
        Path replay = parsed.value(REPLAY);
        if (replay != null && from != null) {
            err.println("receco run: give --from or --replay, not both (--replay is --from without the model)");
            return RecEcoCli.INVALID_INPUT;
        }
        if (replay != null) {
            from = replay;
        }
        int threads = parsed.value(THREADS);
        String problem = SharedOptions.threadsProblem("run", threads);
        if (problem == null) {
            problem = SharedOptions.outProblem("run", parsed.value(OUT));
        }
        if (problem != null) {
            err.println(problem);
            return RecEcoCli.INVALID_INPUT;
        }
        if (from != null && (file != null || !sets.isEmpty() || seed != null || rounds != null)) {
            err.println("receco run: " + (replay != null ? "--replay" : "--from") + " replays the recorded run "
                    + "exactly; give no FILE, --set, --seed or --rounds with it");
            return RecEcoCli.INVALID_INPUT;
        }
        if (from == null && file == null) {
            err.println("receco run: give a scenario FILE, or --from RUN_DIR to replay a recorded run");
            return RecEcoCli.INVALID_INPUT;
        }
        LoadedScenario loaded;
        ScenarioLoader loader = new ScenarioLoader(catalog);
        try {
            if (from != null) {
                loaded = Rerun.load(from, loader);
            } else {
                loaded = loader.load(file, SharedOptions.withSeedAndRounds(sets, seed, rounds));
            }
            MemoryEstimate.of(loaded.scenario()).requireFits(loaded.sourceName(), MemoryEstimate.heap());
        } catch (Rerun.NotReplayable e) {
            err.println("receco run: " + (replay != null ? "--replay " : "--from ") + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        LlmCallsTable.Recorded recorded = null;
        if (replay != null) {
            try {
                recorded = LlmCallsTable.read(replay);
            } catch (java.sql.SQLException | RuntimeException e) {
                err.println("receco run: --replay " + replay + ": cannot read its recorded LLM calls: "
                        + e.getMessage());
                return RecEcoCli.INVALID_INPUT;
            }
        }
        if (!loaded.dropped().isEmpty()) {
            err.println(loaded.droppedNote());
        }
        Progress progress = parsed.flag(QUIET) ? Progress.NONE : Progress.forConsole(System.err);
        RunResult result;
        try {
            result = Runner.run(loaded, new Runner.Options(parsed.value(OUT), threads, progress, null,
                    from == null ? null : from.toString(), recorded));
        } catch (RunFailedException e) {
            Runner.printSummary(e.result(), System.out);
            err.println("receco run: " + e.getMessage());
            return RecEcoCli.FAILURE;
        }
        if (RunManifest.INTERRUPTED.equals(result.manifest().status())) {
            return INTERRUPTED; // the interrupt hook prints the one line (the JVM is exiting)
        }
        Runner.printSummary(result, System.out);
        if (loaded.scenario().world().fromRatings() && RatingsWorlds.describeLatest() != null) {
            System.out.println(RatingsWorlds.describeLatest());
        }
        if (result.runDir() != null) {
            System.out.println("next: receco report " + result.runDir());
        }
        return RecEcoCli.OK;
    }
}
