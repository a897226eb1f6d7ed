package org.receco.core.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short review texts users wrote with their ratings, appended round by round in user order; public, like the
 * feedback log (a review-aware recommender reads them, and so could a text detector of fake reviews, as in
 * Gu et al. 2025, "LLM-Based User Simulation for Low-Knowledge Shilling Attacks on Recommender Systems").
 * Entry {@code k} pairs with nothing in {@link FeedbackLog} by index: it names its own user, item and round.
 */
public final class ReviewLog {
    private int[] user = new int[64];
    private int[] item = new int[64];
    private int[] round = new int[64];
    private final List<String> text = new ArrayList<>();

    public void add(int u, int i, int r, String review) {
        int k = text.size();
        if (k == user.length) {
            user = Arrays.copyOf(user, k * 2);
            item = Arrays.copyOf(item, k * 2);
            round = Arrays.copyOf(round, k * 2);
        }
        user[k] = u;
        item[k] = i;
        round[k] = r;
        text.add(review);
    }

    public int size() {
        return text.size();
    }

    public int user(int k) {
        return user[k];
    }

    public int item(int k) {
        return item[k];
    }

    public int round(int k) {
        return round[k];
    }

    public String text(int k) {
        return text.get(k);
    }
}
