package org.receco.scenarios.model;

import org.receco.agents.events.SwitchRecommender;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.spi.ScenarioEvent;

/** Replaces the recommender at a round; the new one is trained on all feedback so far first. */
@Doc("Switch to another recommender at a given round.")
public record SwitchRecommenderSpec(
        @Doc("Round from which the new recommender serves.") @Range(min = 1) int round,
        @Doc("The new recommender.") RecommenderSpec recommender) implements EventSpec {

    @Override
    public ScenarioEvent create(EventContext context) {
        return new SwitchRecommender(round, recommender.name(), truth -> context.recommender(recommender, truth));
    }

    @Override
    public EventFootprint footprint() {
        return new EventFootprint(0, 0, 0, recommender().wholeParam("factors"));
    }
}
