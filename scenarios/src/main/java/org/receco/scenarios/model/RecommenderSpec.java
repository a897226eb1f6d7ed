package org.receco.scenarios.model;

import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** The recommender (by name), its parameters, and when it retrains. */
@NamedComponent(registry = "recommender", nameKey = "name")
public record RecommenderSpec(
        @Doc("Recommender, by name.") String name,
        @Doc("Retrain after every trainEvery-th round (1 = every round; 0 = train once, after round trainFrom).") @Range(min = 0) int trainEvery,
        @Doc("First round after which the recommender trains.") @Range(min = 0) int trainFrom,
        @Doc("Parameters of the recommender (see receco schema).") Map<String, Object> params,
        @Doc("Start-up rounds whose slates show uniformly random items instead of the recommender's ranking (T-RECS startup); set trainFrom to startup - 1 to train on them.")
        @Range(min = 0, max = 1000000) int startup)
        implements NamedComponentSpec, CrossChecked {
    /** Without start-up rounds. */
    public RecommenderSpec(String name, int trainEvery, int trainFrom, Map<String, Object> params) {
        this(name, trainEvery, trainFrom, params, 0);
    }

    public RecommenderSpec {
        params = params == null ? Map.of() : params;
    }

    /**
     * A recommender with a user limit ({@code RecommenderFactory.maxUsers}, e.g. social's all-pairs graph) is
     * refused here when the scenario starts with more users, instead of failing in its first round.
     */
    @Override
    public void check(Scenario scenario, Problems problems) {
        org.receco.agents.Components.RECOMMENDERS.find(name).ifPresent(f -> {
            int users = scenario.users().totalCount();
            if (users > f.maxUsers()) {
                problems.report("name", String.format(java.util.Locale.ROOT, "the %s recommender serves at most "
                        + "%,d users; this scenario starts with %,d (users)", name, f.maxUsers(), users),
                        "at most " + f.maxUsers() + " users, or another recommender");
            }
        });
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
