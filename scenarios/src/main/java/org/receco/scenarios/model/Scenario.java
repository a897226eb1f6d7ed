package org.receco.scenarios.model;

import java.util.List;
import org.receco.agents.space.SpaceParams;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.config.SlateSpec;

/**
 * A scenario file, as immutable records. Values come from, in increasing precedence: the built-in defaults
 * ({@code defaults.yaml} beside this class), the scenario file, then {@code --set path=value} overrides.
 */
@Doc("A RecEco scenario: the world, its agents, the recommender, what is logged, and scheduled events.")
public record Scenario(
        @Doc("Short name; used in run directory names.") String name,
        @Doc("What this scenario is for.") String description,
        @Doc("Root seed of every random stream.") long seed,
        @Doc("Rounds to play.") @Range(min = 1, max = 1000000) int rounds,
        @Doc("Worker threads (0 = all cores). Results do not depend on it.") @Range(min = 0, max = 1024) int threads,
        @Doc("The synthetic latent space.") SpaceParams space,
        @Doc("Where the world comes from: the synthetic space, or real ratings (world.ratings).") WorldSpec world,
        @Doc("The user population.") UsersSpec users,
        @Doc("The authors.") AuthorsSpec authors,
        @Doc("Item life cycle.") ItemsSpec items,
        @Doc("How slates are composed from SimuLine's channels.") SlateSpec slate,
        @Doc("The recommender and its training schedule.") RecommenderSpec recommender,
        @Doc("What the run database records.") StoreSpec store,
        @Doc("Options of the built-in metrics.") MetricsSpec metrics,
        @Doc("One-off events at given rounds.") List<EventSpec> events) {

    public Scenario {
        events = events == null ? List.of() : List.copyOf(events);
        for (EventSpec e : events) {
            if (e.round() >= rounds) {
                throw new IllegalArgumentException("event '" + e.type() + "' at round " + e.round()
                        + " is after the last round (" + (rounds - 1) + ")");
            }
        }
    }
}
