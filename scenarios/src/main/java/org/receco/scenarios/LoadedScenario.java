package org.receco.scenarios;

import java.util.List;
import org.receco.scenarios.model.Scenario;

/**
 * A validated scenario with what it was loaded from, for the run manifest and reproducibility.
 *
 * @param scenario     the effective scenario (defaults &lt; file &lt; overrides), every default filled in
 * @param sourceName   the file name as given (or the name passed with an in-memory text)
 * @param text         the scenario file's text, as read
 * @param sha256       hex SHA-256 of {@code text} followed by one line {@code --set <override>} per override,
 *                     so the same file with other overrides hashes differently
 * @param overrides    the {@code --set path=value} overrides, in the order applied
 */
public record LoadedScenario(Scenario scenario, String sourceName, String text, String sha256,
                             List<String> overrides) {
    public LoadedScenario {
        overrides = List.copyOf(overrides);
    }

    /**
     * The effective scenario as YAML (loads back to an equal {@link Scenario}). Written on demand: it needs
     * Jackson's object mapper, whose start-up costs more than a short benchmark run's whole simulation.
     */
    public String resolvedYaml() {
        return ScenarioLoader.toYaml(scenario);
    }
}
