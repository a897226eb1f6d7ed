package org.receco.agents.recommenders;

import org.receco.core.config.Doc;

/**
 * Which entries of the {@link org.receco.core.world.FeedbackLog} a recommender counts as positive feedback.
 * Constants are lower case because they are the values scenario files write ({@code signal: likes}).
 */
@Doc("Which logged feedback counts as positive: likes (liked clicks), clicks (every click) or rating4 (explicit "
        + "ratings of 4 or 5, the usual implicit cut of 1-5 ratings).")
public enum FeedbackSignal implements FeedbackWindow.Filter {
    /** Only clicks the user went on to like. */
    likes,
    /** Every click, liked or not. */
    clicks,
    /** Clicks rated 4 or 5 stars: explicit ratings read as implicit positives (unrated clicks never count). */
    rating4;

    /** Lowest rating that counts under {@link #rating4}. */
    public static final int HIGH_RATING = 4;

    /** Whether a logged click with the given like flag and rating (1–5, 0 = none) counts as positive. */
    @Override
    public boolean counts(boolean liked, int rating) {
        return switch (this) {
            case likes -> liked;
            case clicks -> true;
            case rating4 -> rating >= HIGH_RATING;
        };
    }
}
