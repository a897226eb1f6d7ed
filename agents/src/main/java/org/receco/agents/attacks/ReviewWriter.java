package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * Writes a fake account's review of one item. {@link #name()} is stored with the attack (the fake population's
 * model name, e.g. {@code agent4sr/template}), so a run says where its review texts came from: the built-in
 * {@link TemplateReviewWriter} is never passed off as an LLM.
 */
public interface ReviewWriter {
    /** Where the texts come from: {@code template}, or the LLM's model name. */
    String name();

    /**
     * A review of {@code item} rated {@code stars}; when {@code carry} is a target item (not -1), the review
     * carries that target's features into the review of an unrelated item (Gu et al. 2025, Agent4SR's review
     * attack).
     */
    String review(AttackerKnowledge k, int item, int stars, int carry, SplitMix rng);

    /**
     * The reviews of account {@code account}'s entries {@code [0, n)} at once (an LLM writer sends them as one
     * batch); by default one {@link #review} after another.
     */
    default String[] reviews(AttackerKnowledge k, int account, int[] items, int[] stars, int[] carry, int n,
                             SplitMix rng) {
        String[] out = new String[n];
        for (int e = 0; e < n; e++) {
            out[e] = review(k, items[e], stars[e], carry[e], rng);
        }
        return out;
    }
}
