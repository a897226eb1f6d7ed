package org.receco.scenarios.cli;

import java.util.concurrent.Callable;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code receco validate FILE [--set k=v]...}: loads a scenario and reports every problem, or a summary. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "Check a scenario file (with any --set overrides) without running it.")
final class ValidateCommand implements Callable<Integer> {
    private final ComponentCatalog catalog;

    @Mixin
    private ScenarioArgs args;

    @Spec
    private CommandSpec spec;

    ValidateCommand(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        try {
            LoadedScenario loaded = args.load(catalog);
            Scenario s = loaded.scenario();
            spec.commandLine().getOut().printf("OK: %s (%d users, %d authors, %d rounds, recommender %s)%n",
                    loaded.sourceName(), s.users().count(), s.authors().count(), s.rounds(), s.recommender().name());
            spec.commandLine().getOut().flush();
            return RecEcoCli.OK;
        } catch (ScenarioException e) {
            RecEcoCli.printProblems(spec.commandLine().getErr(), e);
            return RecEcoCli.INVALID_INPUT;
        }
    }
}
