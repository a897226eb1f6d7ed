package org.receco.agents.space;

import java.util.List;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * The synthetic latent space standing in for SimuLine's Adressa-fitted one: K topic centres drawn from
 * N(0, centreScale^2 I) in d dimensions; users and authors drawn from the Gaussian mixture around them. Or, with
 * {@code kind: dirichlet}, the attribute simplex of Chaney et al. and T-RECS ({@link DirichletSpace}).
 */
public record SpaceParams(
        @Doc("Dimensions d of the latent space.") @Range(min = 2, max = 1024) int dims,
        @Doc("Number of topics K (mixture components).") @Range(min = 1, max = 1000) int topics,
        @Doc("Standard deviation of topic centre coordinates.") @Range(min = 1e-9) double centreScale,
        @Doc("Standard deviation of a user's coordinates around its topic centre.") @Range(min = 0) double userSpread,
        @Doc("Standard deviation of an author's coordinates around its topic centre.") @Range(min = 0) double authorSpread,
        @Doc("Mixture weights of the topics (empty = equal); need not sum to 1.") List<Double> topicWeights,
        @Doc("gaussian: a Gaussian mixture around random topic centres; dirichlet: the probability simplex of `dims` attributes (topics = attributes, userSpread and authorSpread are Dirichlet concentrations; see DirichletSpace).")
        Kind kind,
        @Doc("dirichlet only: users' Dirichlet mean is drawn once per run from Dir(userPrior) (0 = uniform mean).")
        @Range(min = 0) double userPrior) {

    /** The kind of space. Lower case: the values scenario files write. */
    @Doc("Kind of latent space: gaussian (mixture) or dirichlet (attribute simplex).")
    public enum Kind { gaussian, dirichlet }

    /** A Gaussian-mixture space. */
    public SpaceParams(int dims, int topics, double centreScale, double userSpread, double authorSpread,
                       List<Double> topicWeights) {
        this(dims, topics, centreScale, userSpread, authorSpread, topicWeights, Kind.gaussian, 0.0);
    }

    public SpaceParams {
        kind = kind == null ? Kind.gaussian : kind;
        topicWeights = topicWeights == null ? List.of() : List.copyOf(topicWeights);
        Bounds.check(SpaceParams.class, "space.", dims, topics, centreScale, userSpread, authorSpread, topicWeights,
                kind, userPrior);
        if (kind == Kind.dirichlet && topics != dims) {
            throw new IllegalArgumentException("a dirichlet space has one topic per attribute: space.topics ("
                    + topics + ") must equal space.dims (" + dims + ")");
        }
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
        return new SpaceParams(16, 10, 1.0, 0.5, 0.5, List.of(), Kind.gaussian, 0.0);
    }
}
