package org.receco.scenarios.model;

import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** Replaces the recommender at a round; the new one is trained on all feedback so far first. */
@Doc("Switch to another recommender at a given round.")
public record SwitchRecommenderSpec(
        @Doc("Round from which the new recommender serves.") @Range(min = 1) int round,
        @Doc("The new recommender.") RecommenderSpec recommender) implements EventSpec {

    @Override
    public String type() {
        return "switch-recommender";
    }
}
