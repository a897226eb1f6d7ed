package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.Node;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.YamlReader;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.run.MemoryEstimate;
import org.receco.scenarios.study.StudyDefinition;
import org.receco.scenarios.study.StudyRunner;
import org.receco.scenarios.sweep.SweepDefinition;
import org.receco.scenarios.sweep.SweepFile;
import org.receco.scenarios.sweep.SweepPlan;

/**
 * {@code receco validate FILE [--set k=v]...}: loads a scenario, a study or a sweep and reports every problem,
 * or a summary. Which one a file is follows from its top-level keys, since a scenario has neither
 * {@code scenario}, {@code arms} nor {@code parameters}.
 */
final class ValidateCommand implements CliCommand {
    static final OptionSpec<Path> OUT = SharedOptions.out("the checked command's; only checked here");

    private static final CommandSpec SPEC = new CommandSpec("validate", List.of(
            "Check a scenario, study or sweep file (with any --set, --seed and --rounds) without running it.",
            "It takes the shared options with run's meaning (--threads and --out are checked, -q does nothing), "
                    + "so a run command line checks as it is by changing its first word.",
            "A file whose top level has a 'parameters' key is a sweep file (every point is loaded); one with an "
                    + "'arms' or a 'scenario' key is a study file (every arm is loaded); anything else is a "
                    + "scenario. Problems name the file, line and column they were written at."),
            List.of(ScenarioArgs.FILE), List.of(ScenarioArgs.SET, SharedOptions.SEED, SharedOptions.ROUNDS,
                    SharedOptions.THREADS, OUT, SharedOptions.QUIET));

    private final ComponentCatalog catalog;

    ValidateCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** What a file holds, by the rule of the command's help. */
    enum Kind { SCENARIO, STUDY, SWEEP }

    /**
     * The kind of {@code file} by its top-level keys; a file that cannot be read or parsed, or is not a mapping,
     * counts as a scenario, whose loader reports why.
     */
    static Kind kind(Path file) {
        Map<String, Node.Entry> top;
        try {
            top = YamlReader.readMapping(file.toString(), YamlReader.readText(file, "file"), "scenario", "", "")
                    .entries();
        } catch (ScenarioException e) {
            return Kind.SCENARIO;
        }
        if (top.containsKey("parameters")) {
            return Kind.SWEEP;
        }
        return top.containsKey("arms") || top.containsKey("scenario") ? Kind.STUDY : Kind.SCENARIO;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public int call(ParsedArgs parsed, PrintWriter out, PrintWriter err) {
        String problem = SharedOptions.threadsProblem("validate", parsed.value(SharedOptions.THREADS));
        if (problem == null) {
            problem = SharedOptions.outProblem("validate", parsed.value(OUT));
        }
        if (problem != null) {
            err.println(problem);
            return RecEcoCli.INVALID_INPUT;
        }
        // --rounds as every command takes it (rounds= after the --set overrides); --seed as the file's root seed:
        // a scenario's seed, or the study's or sweep's seed from which each run's seed derives.
        ScenarioArgs args = new ScenarioArgs(parsed.value(ScenarioArgs.FILE), SharedOptions.withSeedAndRounds(
                parsed.values(ScenarioArgs.SET), null, parsed.value(SharedOptions.ROUNDS)));
        Long seed = parsed.value(SharedOptions.SEED);
        try {
            switch (kind(args.file())) {
                case STUDY -> {
                    StudyDefinition d = StudyDefinition.read(args.file()).withSet(args.overrides());
                    if (seed != null) {
                        d = d.withSeed(seed);
                    }
                    Map<String, LoadedScenario> arms = StudyRunner.load(d, catalog,
                            StudyRunner.replicateSeed(d.seed(), 0));
                    Scenario s = arms.values().iterator().next().scenario();
                    out.printf("OK: %s (study %s: %s x %s, %d rounds, scenario %s%s)%n", args.file(), d.name(),
                            count(arms.size(), "arm"), count(d.replicates(), "replicate"), s.rounds(),
                            d.scenarioFile() == null ? "inline" : d.scenarioFile().getFileName(),
                            d.baseline() == null ? "" : ", baseline " + d.baseline());
                }
                case SWEEP -> {
                    SweepDefinition d = SweepFile.read(args.file(), args.overrides());
                    if (seed != null) {
                        d = d.withSeed(seed);
                    }
                    SweepPlan plan = SweepPlan.of(d, new ScenarioLoader(catalog));
                    out.printf("OK: %s (sweep %s: %d points x %d replicates = %d runs)%n", args.file(), d.name(),
                            plan.points().size(), d.replicates(), plan.runs().size());
                }
                case SCENARIO -> {
                    LoadedScenario loaded = new ScenarioArgs(args.file(),
                            SharedOptions.withSeedAndRounds(args.overrides(), seed, null)).load(catalog);
                    Scenario s = loaded.scenario();
                    if (!loaded.dropped().isEmpty()) {
                        out.println(loaded.droppedNote());
                    }
                    MemoryEstimate memory = MemoryEstimate.of(s);
                    memory.requireFits(loaded.sourceName(), MemoryEstimate.heap());
                    out.printf("OK: %s (%d users, %d authors, %d rounds, recommender %s; memory about %s of a %s "
                                    + "heap)%n", loaded.sourceName(), s.users().totalCount(), s.authors().count(),
                            s.rounds(), s.recommender().name(), MemoryEstimate.size(memory.bytes()),
                            MemoryEstimate.size(MemoryEstimate.heap()));
                }
            }
            out.flush();
            return RecEcoCli.OK;
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(err, e);
            return RecEcoCli.INVALID_INPUT;
        }
    }
}
