package org.receco.agents.recommenders;

/**
 * The hashing trick for review text (Weinberger, Dasgupta, Langford, Smola &amp; Attenberg, "Feature Hashing
 * for Large Scale Multitask Learning", ICML 2009): each token, a maximal run of letters or digits of length two
 * or more, case folded, goes to bucket {@code FNV-1a(token) mod buckets}. No vocabulary to grow and nothing
 * allocated per token, so a review-aware recommender can read every review of a long run.
 */
final class ReviewTerms {
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    /** Receives one token's bucket. */
    @FunctionalInterface
    interface Sink {
        void term(int bucket);
    }

    private ReviewTerms() {
    }

    /** Calls {@code sink} with the bucket of every token of {@code text}, in order. */
    static void forEach(String text, int buckets, Sink sink) {
        int h = FNV_OFFSET;
        int len = 0;
        for (int c = 0, n = text.length(); c <= n; c++) {
            char ch = c < n ? text.charAt(c) : ' ';
            if (Character.isLetterOrDigit(ch)) {
                h = (h ^ Character.toLowerCase(ch)) * FNV_PRIME;
                len++;
            } else {
                if (len >= 2) {
                    sink.term(Math.floorMod(h, buckets));
                }
                h = FNV_OFFSET;
                len = 0;
            }
        }
    }
}
