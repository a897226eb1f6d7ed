package org.receco.agents.recommenders;

import org.receco.core.config.Doc;

/**
 * Which entries of the {@link org.receco.core.world.FeedbackLog} a recommender counts as positive feedback.
 * Constants are lower case because they are the values scenario files write ({@code signal: likes}).
 */
@Doc("Which logged feedback counts as positive: likes (liked clicks) or clicks (every click).")
public enum FeedbackSignal {
    /** Only clicks the user went on to like. */
    likes,
    /** Every click, liked or not. */
    clicks;

    /** Whether a logged click with the given like flag counts as positive under this signal. */
    public boolean counts(boolean liked) {
        return this == clicks || liked;
    }
}
