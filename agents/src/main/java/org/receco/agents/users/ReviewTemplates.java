package org.receco.agents.users;

import org.receco.core.rng.SplitMix;

/**
 * Short template reviews for simulated genuine raters: an opening that follows the stars and a remark on the
 * item's topic. They make review-aware recommenders and text detectors have something to read without an LLM;
 * the words are plain, so a review's sentiment agrees with its rating as in the Amazon and Yelp reviews the
 * review-attack literature uses (Gu et al. 2025, Agent4SR).
 */
public final class ReviewTemplates {
    private static final String[][] OPENINGS = {
            {"Not for me.", "Disappointing.", "I gave up on it."},
            {"Weaker than I hoped.", "Rather dull.", "It has its moments, but few."},
            {"It was fine.", "An average one.", "Neither good nor bad."},
            {"I enjoyed it.", "Good, worth the time.", "A solid pick."},
            {"Loved it.", "Excellent, one of the best.", "A must."}};
    private static final String[] REMARKS = {"for a fan of topic %d", "as topic %d goes", "if you like topic %d"};

    private ReviewTemplates() {
    }

    /** A review of {@code stars} (1–5) of an item of {@code topic}. */
    public static String genuine(int stars, int topic, SplitMix rng) {
        String[] openings = OPENINGS[stars - 1];
        String opening = openings[rng.nextInt(openings.length)];
        return opening + " " + String.format(REMARKS[rng.nextInt(REMARKS.length)], topic) + ".";
    }
}
