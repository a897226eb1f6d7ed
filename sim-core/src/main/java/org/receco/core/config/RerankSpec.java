package org.receco.core.config;

/**
 * Diversity re-ranking of the match channel, a mitigation of feedback loops. {@code mmr} is Maximal Marginal
 * Relevance (Carbonell &amp; Goldstein, "The Use of MMR, Diversity-Based Reranking for Reordering Documents and
 * Producing Summaries", SIGIR 1998): from the top {@code candidates} items, greedily pick the item maximising
 * {@code lambda · relevance − (1 − lambda) · max cosine to the items already picked}, relevance being the
 * recommender's score min-max scaled to [0, 1] over the candidates.
 */
@Doc("Diversity re-ranking of the match channel (mmr: Maximal Marginal Relevance).")
public record RerankSpec(
        @Doc("none or mmr.") Policy policy,
        @Doc("MMR trade-off: 1 = pure relevance, 0 = pure diversity.") @Range(min = 0, max = 1) double lambda,
        @Doc("Top-scored items MMR picks from.") @Range(min = 1, max = 100000) int candidates) {

    /** Lower case: the values scenario files write. */
    @Doc("Re-ranking policy: none or mmr.")
    public enum Policy { none, mmr }

    public static final RerankSpec NONE = new RerankSpec(Policy.none, 0.5, 50);

    public RerankSpec {
        policy = policy == null ? Policy.none : policy;
        Bounds.check(RerankSpec.class, "slate.rerank.", policy, lambda, candidates);
    }
}
