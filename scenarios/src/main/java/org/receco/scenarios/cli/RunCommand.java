package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@code receco run FILE}: plays a scenario headless into a new run directory (H2 database + manifest),
 * with a progress bar and a closing summary. {@code --seed} and {@code --rounds} are shorthands for
 * {@code --set seed=N} and {@code --set rounds=N}, validated like the file.
 */
final class RunCommand implements CliCommand {
    static final OptionSpec<Long> SEED = OptionSpec.single("--seed", "N", ValueType.LONG,
            "Root seed (overrides the scenario's).");
    static final OptionSpec<Integer> ROUNDS = OptionSpec.single("--rounds", "N", ValueType.INT,
            "Rounds to play (overrides the scenario's).");
    static final OptionSpec<Path> OUT = OptionSpec.single("--out", "DIR", ValueType.PATH,
            "Directory in which the run directory is created (default: runs).").withDefault("runs");
    static final OptionSpec<Integer> THREADS = OptionSpec.single("--threads", "N", ValueType.INT,
            "Worker threads (default: the scenario's; 0 there = all cores). Results do not depend on it.")
            .withDefault("0");
    static final OptionSpec<Boolean> QUIET = OptionSpec.flag("-q", "--quiet", "No progress output.");

    private static final CommandSpec SPEC = new CommandSpec("run",
            List.of("Run a scenario headless and record every round to runs/<scenario>-<time>-s<seed>/run.mv.db."),
            List.of(ScenarioArgs.FILE), List.of(ScenarioArgs.SET, SEED, ROUNDS, OUT, THREADS, QUIET));

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
        ScenarioArgs args = ScenarioArgs.of(parsed);
        Long seed = parsed.value(SEED);
        Integer rounds = parsed.value(ROUNDS);
        int threads = parsed.value(THREADS);
        if (threads < 0) {
            err.println("receco run: --threads must be 0 (scenario's setting) or positive");
            return RecEcoCli.INVALID_INPUT;
        }
        LoadedScenario loaded;
        try {
            List<String> overrides = new ArrayList<>(args.overrides());
            if (seed != null) {
                overrides.add("seed=" + seed);
            }
            if (rounds != null) {
                overrides.add("rounds=" + rounds);
            }
            loaded = new ScenarioLoader(catalog).load(args.file(), overrides);
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
        Progress progress = parsed.flag(QUIET) ? Progress.NONE : Progress.forConsole(System.err);
        RunResult result;
        try {
            result = Runner.run(loaded, new Runner.Options(parsed.value(OUT), threads, progress));
        } catch (RunFailedException e) {
            Runner.printSummary(e.result(), System.out);
            err.println("receco run: " + e.getMessage());
            return RecEcoCli.FAILURE;
        }
        Runner.printSummary(result, System.out);
        return RecEcoCli.OK;
    }
}
