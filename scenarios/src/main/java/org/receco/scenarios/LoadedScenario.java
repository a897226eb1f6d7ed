package org.receco.scenarios;

import java.util.List;
import org.receco.scenarios.model.Scenario;

/**
 * A validated scenario with what it was loaded from, for the run manifest and reproducibility.
 *
 * @param scenario     the effective scenario (defaults &lt; file &lt; overrides), every default filled in
 * @param sourceName   the file name as given (or the name passed with an in-memory text)
 * @param text         the scenario file's text, as read
 * @param overrides    the {@code --set path=value} overrides, in the order applied
 * @param dropped      the file's events an overridden {@code rounds} cuts off (they are not in {@code scenario}),
 *                     each as "type at round N"
 */
public record LoadedScenario(Scenario scenario, String sourceName, String text, List<String> overrides,
                             List<String> dropped) {
    public LoadedScenario {
        overrides = List.copyOf(overrides);
        dropped = List.copyOf(dropped);
    }

    /** A scenario none of whose events was cut off. */
    public LoadedScenario(Scenario scenario, String sourceName, String text, List<String> overrides) {
        this(scenario, sourceName, text, overrides, List.of());
    }

    /**
     * The one line telling which events an overridden round count drops ("" when none): a shorter run of a
     * scenario is a run of its first rounds, so the events after them are left out rather than refused.
     */
    public String droppedNote() {
        if (dropped.isEmpty()) {
            return "";
        }
        return "note: rounds " + scenario.rounds() + " (overridden) ends the run before " + dropped.size()
                + (dropped.size() == 1 ? " event, which is" : " events, which are") + " left out: "
                + String.join(", ", dropped);
    }

    /**
     * Hex SHA-256 of {@code text} followed by one line {@code --set <override>} per override, so the same file
     * with other overrides hashes differently (the run manifest's scenario hash). Computed on demand: a study
     * loads every arm for every replicate and never needs it, and the JDK's security providers take a noticeable
     * share of a short benchmark's start-up to initialise.
     */
    public String sha256() {
        return ScenarioLoader.sha256(text, overrides);
    }

    /**
     * The effective scenario as YAML (loads back to an equal {@link Scenario}). Written on demand: it needs
     * Jackson's object mapper, whose start-up costs more than a short benchmark run's whole simulation.
     */
    public String resolvedYaml() {
        return ScenarioLoader.toYaml(scenario);
    }
}
