package org.receco.core.world;

import java.util.Arrays;

/**
 * Public per-item counters (what a platform can count): exposures, clicks and likes, cumulative since
 * publication and for the latest round only. Indexed by item id; items published since the last
 * {@link #ensure} read as zero.
 */
public final class ItemStats {
    private int[] exposures = new int[1024];
    private int[] clicks = new int[1024];
    private int[] likes = new int[1024];
    private int[] roundExposures = new int[1024];
    private int[] roundClicks = new int[1024];
    private int[] roundLikes = new int[1024];
    private int[] ratings = new int[0];
    private long[] ratingSum = new long[0];

    /** Makes room for item ids below {@code itemCount}. */
    public void ensure(int itemCount) {
        if (itemCount > exposures.length) {
            int c = Math.max(itemCount, exposures.length * 2);
            exposures = Arrays.copyOf(exposures, c);
            clicks = Arrays.copyOf(clicks, c);
            likes = Arrays.copyOf(likes, c);
            roundExposures = Arrays.copyOf(roundExposures, c);
            roundClicks = Arrays.copyOf(roundClicks, c);
            roundLikes = Arrays.copyOf(roundLikes, c);
        }
    }

    /** Clears the per-round counters of the given items (the previous round's live set). */
    public void clearRound(int[] items, int n) {
        for (int j = 0; j < n; j++) {
            int i = items[j];
            roundExposures[i] = 0;
            roundClicks[i] = 0;
            roundLikes[i] = 0;
        }
    }

    public void expose(int item) {
        exposures[item]++;
        roundExposures[item]++;
    }

    public void click(int item, boolean liked) {
        clicks[item]++;
        roundClicks[item]++;
        if (liked) {
            likes[item]++;
            roundLikes[item]++;
        }
    }

    /** Counts an explicit 1–5 rating of {@code item} (public: attackers and recommenders may read the mean). */
    public void rate(int item, int stars) {
        if (item >= ratings.length) {
            int c = Math.max(item + 1, ratings.length * 2);
            ratings = java.util.Arrays.copyOf(ratings, c);
            ratingSum = java.util.Arrays.copyOf(ratingSum, c);
        }
        ratings[item]++;
        ratingSum[item] += stars;
    }

    /** Number of explicit ratings {@code item} has received. */
    public int ratingCount(int item) {
        return item < ratings.length ? ratings[item] : 0;
    }

    /** Mean explicit rating of {@code item}, or NaN if it has none. */
    public double meanRating(int item) {
        int n = ratingCount(item);
        return n == 0 ? Double.NaN : (double) ratingSum[item] / n;
    }

    public int exposures(int item) {
        return item < exposures.length ? exposures[item] : 0;
    }

    public int clicks(int item) {
        return item < clicks.length ? clicks[item] : 0;
    }

    public int likes(int item) {
        return item < likes.length ? likes[item] : 0;
    }

    public int roundExposures(int item) {
        return item < roundExposures.length ? roundExposures[item] : 0;
    }

    public int roundClicks(int item) {
        return item < roundClicks.length ? roundClicks[item] : 0;
    }

    public int roundLikes(int item) {
        return item < roundLikes.length ? roundLikes[item] : 0;
    }
}
