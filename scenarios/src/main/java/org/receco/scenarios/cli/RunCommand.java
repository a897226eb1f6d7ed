package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code receco run FILE}: plays a scenario headless into a new run directory (H2 database + manifest),
 * with a progress bar and a closing summary. {@code --seed} and {@code --rounds} are shorthands for
 * {@code --set seed=N} and {@code --set rounds=N}, validated like the file.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Run a scenario headless and record every round to runs/<scenario>-<time>-s<seed>/run.mv.db.")
final class RunCommand implements Callable<Integer> {
    private final ComponentCatalog catalog;

    @Mixin
    private ScenarioArgs args;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed (overrides the scenario's).")
    private Long seed;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds to play (overrides the scenario's).")
    private Integer rounds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Directory in which the run directory is created (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads (default: the scenario's; 0 there = all cores). Results do not depend on it.")
    private int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    RunCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        // Compiling the SIMD kernels takes long enough to matter for short runs: start it on the idle core
        // while this command reads its files and builds the world.
        org.receco.core.util.Vec.warmUpAsync();
        PrintWriter err = spec.commandLine().getErr();
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
        Progress progress = quiet ? Progress.NONE : Progress.forConsole(System.err);
        RunResult result;
        try {
            result = Runner.run(loaded, new Runner.Options(out, threads, progress));
        } catch (RunFailedException e) {
            Runner.printSummary(e.result(), System.out);
            err.println("receco run: " + e.getMessage());
            return RecEcoCli.FAILURE;
        }
        Runner.printSummary(result, System.out);
        return RecEcoCli.OK;
    }
}
