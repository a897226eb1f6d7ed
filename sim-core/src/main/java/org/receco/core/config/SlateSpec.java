package org.receco.core.config;

/**
 * How a slate is composed, following SimuLine's channels in their fill order: {@code hot} (most liked live
 * items the user has not been shown), {@code match} (the recommender's top scores; items already shown are
 * pushed to the end), {@code coldStart} (random items published this round) and {@code promote} (random live
 * items by a promoted set of authors, re-drawn every {@code promoteRedrawEvery} rounds). The shares add up
 * to {@code size}. Items a user already clicked are never shown again.
 *
 * @param exposureMemory rounds of past slates remembered per user for "already shown" (SimuLine: the
 *                       item lifetime)
 */
public record SlateSpec(
        @Doc("Items per slate.") @Range(min = 1, max = 100000) int size,
        @Doc("Places filled by the recommender's ranking.") @Range(min = 0) int match,
        @Doc("Places filled with random items published this round.") @Range(min = 0) int coldStart,
        @Doc("Places filled with the most-liked live items the user has not been shown.") @Range(min = 0) int hot,
        @Doc("Places filled with random live items of promoted authors.") @Range(min = 0) int promote,
        @Doc("How many authors are promoted at a time.") @Range(min = 0) int promoteAuthors,
        @Doc("Rounds between re-draws of the promoted authors.") @Range(min = 1) int promoteRedrawEvery,
        @Doc("Rounds of past slates remembered per user; those items go to the back of the match ranking.")
        @Range(min = 1, max = 1000) int exposureMemory) {
    public SlateSpec {
        if (size < 1) {
            throw new IllegalArgumentException("slate.size must be at least 1, got " + size);
        }
        if (match < 0 || coldStart < 0 || hot < 0 || promote < 0) {
            throw new IllegalArgumentException("slate shares must not be negative");
        }
        if (match + coldStart + hot + promote != size) {
            throw new IllegalArgumentException("slate shares must add up to slate.size (" + size + "): match "
                    + match + " + coldStart " + coldStart + " + hot " + hot + " + promote " + promote + " = "
                    + (match + coldStart + hot + promote));
        }
        if (promote > 0 && promoteAuthors < 1) {
            throw new IllegalArgumentException("slate.promoteAuthors must be at least 1 when promote > 0");
        }
        if (promoteRedrawEvery < 1) {
            throw new IllegalArgumentException("slate.promoteRedrawEvery must be at least 1");
        }
        if (exposureMemory < 1) {
            throw new IllegalArgumentException("slate.exposureMemory must be at least 1");
        }
    }

    /** A slate filled by the recommender alone. */
    public static SlateSpec matchOnly(int size, int exposureMemory) {
        return new SlateSpec(size, size, 0, 0, 0, 1, 10, exposureMemory);
    }
}
