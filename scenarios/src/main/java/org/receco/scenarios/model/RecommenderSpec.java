package org.receco.scenarios.model;

import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** The recommender (by name), its parameters, and when it retrains. */
@NamedComponent(registry = "recommender", nameKey = "name")
public record RecommenderSpec(
        @Doc("Recommender, by name.") String name,
        @Doc("Retrain after every trainEvery-th round (1 = every round).") @Range(min = 1) int trainEvery,
        @Doc("First round after which the recommender trains.") @Range(min = 0) int trainFrom,
        @Doc("Parameters of the recommender (see receco schema).") Map<String, Object> params)
        implements NamedComponentSpec {
    public RecommenderSpec {
        params = params == null ? Map.of() : params;
    }

    @Override
    public String registry() {
        return "recommender";
    }

    @Override
    public String componentName() {
        return name;
    }
}
