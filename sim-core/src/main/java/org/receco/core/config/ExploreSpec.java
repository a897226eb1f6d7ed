package org.receco.core.config;

/**
 * Exploration in the match channel, a mitigation of feedback loops: some match places go to uniformly random
 * live items the user may be shown, at random positions of the channel. {@code interleave} gives exactly
 * {@code items} places per slate (T-RECS's {@code random_items_per_iter}; RecAgent's "swap 1/3/5 random
 * items into each page"); {@code epsilon} gives each place independently with probability {@code epsilon}
 * (ε-greedy, as in Jiang et al., "Degenerate Feedback Loops in Recommender Systems", AIES 2019).
 */
@Doc("Exploration: match places given to random live items (interleave: a fixed number; epsilon: each place with probability epsilon).")
public record ExploreSpec(
        @Doc("none, interleave (exactly `items` random places) or epsilon (each place with probability `epsilon`).")
        Policy policy,
        @Doc("Random places per slate when policy = interleave.") @Range(min = 0, max = 100000) int items,
        @Doc("Probability that a match place is random when policy = epsilon.") @Range(min = 0, max = 1) double epsilon) {

    /** Lower case: the values scenario files write. */
    @Doc("Exploration policy: none, interleave or epsilon.")
    public enum Policy { none, interleave, epsilon }

    public static final ExploreSpec NONE = new ExploreSpec(Policy.none, 0, 0.0);

    public ExploreSpec {
        policy = policy == null ? Policy.none : policy;
        Bounds.check(ExploreSpec.class, "slate.explore.", policy, items, epsilon);
    }
}
