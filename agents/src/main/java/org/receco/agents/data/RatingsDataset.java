package org.receco.agents.data;

/**
 * Explicit ratings in the MovieLens layout (Harper &amp; Konstan, ACM TiiS 2015), with dense indices: rating
 * {@code k} is user {@code user[k]} (MovieLens id {@code userIds[user[k]]}) giving movie {@code item[k]} (an index
 * into {@link #movies()}) {@code rating[k]} stars (0.5–5 in half stars) at {@code timestamp[k]} (seconds since
 * 1970). Ratings are ordered by time, then user, then movie, so replaying them replays the platform's history.
 */
public record RatingsDataset(MovieCatalog movies, int[] userIds, int[] user, int[] item, float[] rating,
                             long[] timestamp) {
    public RatingsDataset {
        if (item.length != user.length || rating.length != user.length || timestamp.length != user.length) {
            throw new IllegalArgumentException("ratings columns differ in length");
        }
    }

    public int ratings() {
        return user.length;
    }

    public int users() {
        return userIds.length;
    }

    /** Mean of all ratings (the global-mean baseline's prediction). */
    public double meanRating() {
        double s = 0;
        for (float r : rating) {
            s += r;
        }
        return user.length == 0 ? 0 : s / user.length;
    }

    /**
     * Rating {@code k} as the kernel's whole stars 1–5: half stars round up (Math.round), so 0.5 counts as 1 and
     * 4.5 as 5.
     */
    public int stars(int k) {
        return Math.max(1, Math.min(5, Math.round(rating[k])));
    }
}
