package org.receco.scenarios.cli;

import java.nio.file.Path;
import java.util.List;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/**
 * The arguments every scenario command takes: the scenario file and repeatable {@code --set path=value}
 * overrides. Commands put {@link #FILE} and {@link #SET} in their declaration and read both with {@link #of}.
 *
 * @param file the scenario file
 * @param overrides the {@code --set} overrides, in the order given
 */
public record ScenarioArgs(Path file, List<String> overrides) {
    /** The scenario file. */
    public static final PositionalSpec<Path> FILE = PositionalSpec.required("FILE", ValueType.PATH,
            "The scenario file (YAML).");

    /** {@code --set PATH=VALUE}, repeatable. */
    public static final OptionSpec<String> SET = SharedOptions.SET;

    public ScenarioArgs {
        overrides = List.copyOf(overrides);
    }

    /** The file and overrides of a command declared with {@link #FILE} and {@link #SET}. */
    public static ScenarioArgs of(ParsedArgs args) {
        return new ScenarioArgs(args.value(FILE), args.values(SET));
    }

    /**
     * Loads and validates the scenario.
     *
     * @throws org.receco.scenarios.ScenarioException when the scenario is invalid
     */
    public LoadedScenario load(ComponentCatalog catalog) {
        return new ScenarioLoader(catalog).load(file, overrides);
    }
}
