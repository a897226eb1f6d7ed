package org.receco.scenarios.model;

import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * One user population of {@code users.populations}: a name (metrics include or exclude populations by it),
 * how many users, and which user model drives them. Population ids follow the order of the list.
 */
@Doc("A user population: its name, size and user model.")
@NamedComponent(registry = "user model", nameKey = "model")
public record PopulationSpec(
        @Doc("Unique name of the population (the populations table; metrics.populations).") String name,
        @Doc("Number of users.") @Range(min = 1, max = 100000000) int count,
        @Doc("User model, by name.") String model,
        @Doc("Parameters of the user model (see receco schema); optional.") Map<String, Object> params)
        implements NamedComponentSpec {
    public PopulationSpec {
        params = params == null ? Map.of() : params;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a population needs a non-empty name");
        }
    }

    @Override
    public String registry() {
        return "user model";
    }

    @Override
    public String componentName() {
        return model;
    }
}
