package org.receco.scenarios.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments every scenario command takes, for use as a picocli {@code @Mixin}: the scenario file and
 * repeatable {@code --set path=value} overrides.
 */
public final class ScenarioArgs {
    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    private Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario value (repeatable; later wins), e.g. --set slate.coldStart=20, "
                    + "--set recommender.name=random, --set events.0.round=3. VALUE is read as YAML.")
    private List<String> overrides = new ArrayList<>();

    public Path file() {
        return file;
    }

    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /**
     * Loads and validates the scenario.
     *
     * @throws org.receco.scenarios.ScenarioException when the scenario is invalid
     */
    public LoadedScenario load(ComponentCatalog catalog) {
        return new ScenarioLoader(catalog).load(file, overrides());
    }
}
