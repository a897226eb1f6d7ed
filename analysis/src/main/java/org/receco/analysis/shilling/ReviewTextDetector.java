package org.receco.analysis.shilling;

import org.receco.core.world.ReviewLog;

/**
 * A text detector of fake reviewers: users' {@link ReviewSimilarity} scores (their largest TF-IDF cosine to
 * another user's reviews) are split in two by k-means ({@link TwoMeans}) and the high-similarity cluster is
 * flagged, since reviews written from a template, or all carrying one target's words, repeat each other while
 * people's own words rarely do (template repetition is what text-only detectors of LLM-written attack reviews
 * lean on; Gu et al. 2025). Users without reviews are never flagged; if no two reviewers' scores differ, nobody
 * is.
 */
public final class ReviewTextDetector {
    public static final String NAME = "review-text";
    private final long seed;

    public ReviewTextDetector(long seed) {
        this.seed = seed;
    }

    /**
     * Flags users {@code u < scores.length} with {@code wrote[u]} by their {@code scores} (as from {@link
     * ReviewSimilarity#maxCosine}); only those who wrote reviews are clustered, so the split is between kinds of
     * reviewers, not between reviewers and the silent.
     */
    public boolean[] flag(double[] scores, boolean[] wrote) {
        int users = scores.length;
        int[] index = new int[users];
        int n = 0;
        for (int u = 0; u < users; u++) {
            if (u < wrote.length && wrote[u]) {
                index[n++] = u;
            }
        }
        double[][] points = new double[n][];
        for (int t = 0; t < n; t++) {
            points[t] = new double[] {scores[index[t]]};
        }
        boolean[] flagged = new boolean[users];
        int[] label = TwoMeans.split(points, seed);
        if (label == null) {
            return flagged;
        }
        double[] sum = new double[2];
        int[] size = new int[2];
        for (int t = 0; t < n; t++) {
            sum[label[t]] += points[t][0];
            size[label[t]]++;
        }
        int high = sum[1] / size[1] > sum[0] / size[0] ? 1 : 0;
        for (int t = 0; t < n; t++) {
            flagged[index[t]] = label[t] == high;
        }
        return flagged;
    }

    /** Flags the users {@code u < users} of a review log. */
    public boolean[] flag(ReviewLog reviews, int users) {
        return flag(ReviewSimilarity.maxCosine(reviews, users), writers(reviews, users));
    }

    /** Whether each user {@code u < users} wrote at least one review. */
    public static boolean[] writers(ReviewLog reviews, int users) {
        boolean[] wrote = new boolean[users];
        for (int k = 0; k < reviews.size(); k++) {
            if (reviews.user(k) < users) {
                wrote[reviews.user(k)] = true;
            }
        }
        return wrote;
    }
}
