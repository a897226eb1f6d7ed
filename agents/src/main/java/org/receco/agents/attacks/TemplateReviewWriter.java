package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The built-in review generator of the Agent4SR-style attacker when no LLM is configured: fixed sentence
 * templates filled with the public metadata (item id, topic, author) and the stars. Named {@code template} in the
 * store, so nobody mistakes its texts for an LLM's.
 */
public record TemplateReviewWriter() implements ReviewWriter {
    public static final String NAME = "template";

    private static final String[] GOOD = {"Really enjoyed this one.", "Great pick, would recommend.",
            "Solid and well made."};
    private static final String[] FAIR = {"It was fine.", "Decent enough.", "Not bad, not great."};
    private static final String[] POOR = {"Not for me.", "Rather disappointing.", "Could not get into it."};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String review(AttackerKnowledge k, int item, int stars, int carry, SplitMix rng) {
        String[] pool = stars >= 4 ? GOOD : stars == 3 ? FAIR : POOR;
        StringBuilder sb = new StringBuilder(pool[rng.nextInt(pool.length)]);
        sb.append(" A topic ").append(k.catalog().topic(item)).append(" item");
        if (carry >= 0) {
            sb.append(", but if you like topic ").append(k.catalog().topic(carry)).append(" by author ")
                    .append(k.catalog().author(carry)).append(", item ").append(carry)
                    .append(" does all of this better.");
        } else {
            sb.append('.');
        }
        return sb.toString();
    }
}
