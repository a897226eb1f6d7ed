package org.receco.scenarios.model;

import java.util.Map;
import org.receco.agents.events.AddPopulation;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.spi.ScenarioEvent;

/**
 * A user population joins at a round (LLM-driven users, injected fake users): {@code count} users drawn from
 * the latent space as the initial users are, driven by their own user model.
 */
@Doc("A new user population joins at a given round.")
@NamedComponent(registry = "user model", nameKey = "model")
public record AddPopulationSpec(
        @Doc("Round at whose start the population joins.") @Range(min = 0) int round,
        @Doc("Unique name of the population (the populations table; metrics.populations).") String name,
        @Doc("Number of users joining.") @Range(min = 1, max = 100000000) int count,
        @Doc("User model, by name.") String model,
        @Doc("Parameters of the user model (see receco schema); optional.") Map<String, Object> params)
        implements EventSpec, NamedComponentSpec {

    public AddPopulationSpec {
        params = params == null ? Map.of() : params;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a population needs a non-empty name");
        }
    }

    @Override
    public ScenarioEvent create(EventContext context) {
        return new AddPopulation(round, name, count, model, () -> context.userModel(this), context::drawUsers);
    }

    @Override
    public String registry() {
        return "user model";
    }

    @Override
    public String componentName() {
        return model;
    }

    @Override
    public EventFootprint footprint() {
        return new EventFootprint(count(), count() * wholeParam("clicksPerRound"), 0, 0);
    }
}
