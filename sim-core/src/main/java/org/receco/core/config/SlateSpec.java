package org.receco.core.config;

/**
 * How a slate is composed, following SimuLine's channels in their fill order: {@code hot} (most liked live
 * items the user has not been shown), {@code match} (the recommender's top scores; items already shown are
 * pushed to the end), {@code coldStart} (random items published this round) and {@code promote} (random live
 * items by a promoted set of authors, re-drawn every {@code promoteRedrawEvery} rounds). The shares add up
 * to {@code size}. Items a user already clicked are never shown again.
 *
 * @param exposureMemory rounds of past slates remembered per user for "already shown" (SimuLine: the
 *                       item lifetime); 0 = nothing is pushed back (T-RECS, Chaney et al.)
 * @param repeats        whether items a user already consumed may be shown (and consumed) again
 * @param explore        how many match places go to random live items (a mitigation of feedback loops)
 * @param rerank         re-ranking of the match channel for diversity (a mitigation of feedback loops)
 */
public record SlateSpec(
        @Doc("Items per slate.") @Range(min = 1, max = 100000) int size,
        @Doc("Places filled by the recommender's ranking.") @Range(min = 0) int match,
        @Doc("Places filled with random items published this round.") @Range(min = 0) int coldStart,
        @Doc("Places filled with the most-liked live items the user has not been shown.") @Range(min = 0) int hot,
        @Doc("Places filled with random live items of promoted authors.") @Range(min = 0) int promote,
        @Doc("How many authors are promoted at a time.") @Range(min = 0) int promoteAuthors,
        @Doc("Rounds between re-draws of the promoted authors.") @Range(min = 1) int promoteRedrawEvery,
        @Doc("Rounds of past slates remembered per user; those items go to the back of the match ranking (0 = none).")
        @Range(min = 0, max = 1000) int exposureMemory,
        @Doc("Items a user already consumed: forbid (never shown again) or allow (may be shown and consumed again, as in T-RECS).")
        Repeats repeats,
        @Doc("Exploration: match places given to uniformly random live items.") ExploreSpec explore,
        @Doc("Re-ranking of the match channel for diversity.") RerankSpec rerank) {

    /** Whether consumed items may come back. Lower case: the values scenario files write. */
    @Doc("Whether consumed items may be shown again: forbid or allow.")
    public enum Repeats { forbid, allow }

    /** SimuLine's channels only: repeats forbidden, no exploration, no re-ranking. */
    public SlateSpec(int size, int match, int coldStart, int hot, int promote, int promoteAuthors,
                     int promoteRedrawEvery, int exposureMemory) {
        this(size, match, coldStart, hot, promote, promoteAuthors, promoteRedrawEvery, exposureMemory,
                Repeats.forbid, ExploreSpec.NONE, RerankSpec.NONE);
    }

    public SlateSpec {
        repeats = repeats == null ? Repeats.forbid : repeats;
        explore = explore == null ? ExploreSpec.NONE : explore;
        rerank = rerank == null ? RerankSpec.NONE : rerank;
        Bounds.check(SlateSpec.class, "slate.", size, match, coldStart, hot, promote, promoteAuthors,
                promoteRedrawEvery, exposureMemory, repeats, explore, rerank);
        if (match + coldStart + hot + promote != size) {
            throw new IllegalArgumentException("slate shares must add up to slate.size (" + size + "): match "
                    + match + " + coldStart " + coldStart + " + hot " + hot + " + promote " + promote + " = "
                    + (match + coldStart + hot + promote));
        }
        if (promote > 0 && promoteAuthors < 1) {
            throw new IllegalArgumentException("slate.promoteAuthors must be at least 1 when promote > 0");
        }
    }

    /** A slate filled by the recommender alone. */
    public static SlateSpec matchOnly(int size, int exposureMemory) {
        return new SlateSpec(size, size, 0, 0, 0, 1, 10, exposureMemory);
    }
}
