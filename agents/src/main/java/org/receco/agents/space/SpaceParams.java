package org.receco.agents.space;

import java.util.List;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * The synthetic latent space standing in for SimuLine's Adressa-fitted one: K topic centres drawn from
 * N(0, centreScale^2 I) in d dimensions; users and authors drawn from the Gaussian mixture around them.
 */
public record SpaceParams(
        @Doc("Dimensions d of the latent space.") @Range(min = 2, max = 1024) int dims,
        @Doc("Number of topics K (mixture components).") @Range(min = 1, max = 1000) int topics,
        @Doc("Standard deviation of topic centre coordinates.") @Range(min = 1e-9) double centreScale,
        @Doc("Standard deviation of a user's coordinates around its topic centre.") @Range(min = 0) double userSpread,
        @Doc("Standard deviation of an author's coordinates around its topic centre.") @Range(min = 0) double authorSpread,
        @Doc("Mixture weights of the topics (empty = equal); need not sum to 1.") List<Double> topicWeights) {

    public SpaceParams {
        topicWeights = topicWeights == null ? List.of() : List.copyOf(topicWeights);
        if (!topicWeights.isEmpty() && topicWeights.size() != topics) {
            throw new IllegalArgumentException("space.topicWeights must have one weight per topic (" + topics
                    + "), got " + topicWeights.size());
        }
        for (double w : topicWeights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("space.topicWeights must be non-negative");
            }
        }
    }

    public static SpaceParams defaults() {
        return new SpaceParams(16, 10, 1.0, 0.5, 0.5, List.of());
    }
}
