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
    private static final CommandSpec SPEC = new CommandSpec("validate", List.of(
            "Check a scenario, study or sweep file (with any --set overrides) without running it.",
            "A file whose top level has a 'parameters' key is a sweep file (every point is loaded); one with an "
                    + "'arms' or a 'scenario' key is a study file (every arm is loaded); anything else is a "
                    + "scenario. Problems name the file, line and column they were written at."),
            List.of(ScenarioArgs.FILE), List.of(ScenarioArgs.SET));

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
        ScenarioArgs args = ScenarioArgs.of(parsed);
        try {
            switch (kind(args.file())) {
                case STUDY -> {
                    StudyDefinition d = StudyDefinition.read(args.file()).withSet(args.overrides());
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
                    SweepPlan plan = SweepPlan.of(d, new ScenarioLoader(catalog));
                    out.printf("OK: %s (sweep %s: %d points x %d replicates = %d runs)%n", args.file(), d.name(),
                            plan.points().size(), d.replicates(), plan.runs().size());
                }
                case SCENARIO -> {
                    LoadedScenario loaded = args.load(catalog);
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
