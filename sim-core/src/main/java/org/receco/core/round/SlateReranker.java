package org.receco.core.round;

import org.receco.core.config.RerankSpec;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;

/**
 * Reorders the head of a match ranking before the slate takes it (a strategy: one method, chosen by
 * {@link RerankSpec}). Called concurrently for distinct users; uses only the worker's scratch.
 */
@FunctionalInterface
public interface SlateReranker {
    /**
     * {@code ranked[0..count)} are live positions in descending score order ({@code scores[off + j]} is the
     * score of live position {@code j}); reorders them in place so that the first {@code want} are the
     * channel's items in slate order. Returns how many candidates it reranked from the top (at most count).
     */
    void rerank(float[] scores, int off, int[] ranked, int count, int want, ItemCatalog catalog, WorkerScratch s);

    /** Keeps the ranking. */
    SlateReranker NONE = (scores, off, ranked, count, want, catalog, s) -> { };

    /** How many ranked candidates the reranker needs beyond the places it fills (0 for none). */
    static int candidates(RerankSpec spec) {
        return spec.policy() == RerankSpec.Policy.mmr ? spec.candidates() : 0;
    }

    static SlateReranker of(RerankSpec spec) {
        return switch (spec.policy()) {
            case none -> NONE;
            case mmr -> mmr(spec.lambda());
        };
    }

    /**
     * Maximal Marginal Relevance (Carbonell &amp; Goldstein, SIGIR 1998): greedily picks
     * {@code argmax λ·rel(i) − (1 − λ)·max_{j picked} cos(i, j)}, with rel the score min-max scaled over the
     * candidates; ties go to the better-ranked candidate. O(want · count · d).
     */
    static SlateReranker mmr(double lambda) {
        float lam = (float) lambda;
        return (scores, off, ranked, count, want, catalog, s) -> {
            if (count <= 1 || want <= 0) {
                return;
            }
            float[] rel = s.floats(1, count);
            float[] maxSim = s.floats(2, count);
            float hi = scores[off + ranked[0]];
            float lo = scores[off + ranked[count - 1]];
            float span = hi - lo;
            for (int c = 0; c < count; c++) {
                rel[c] = span > 0 && Float.isFinite(span) ? (scores[off + ranked[c]] - lo) / span : 1f;
                maxSim[c] = Float.NEGATIVE_INFINITY;
            }
            float[] vecs = catalog.liveVectors();
            int d = catalog.dims();
            int picks = Math.min(want, count);
            for (int p = 0; p < picks; p++) {
                int best = p;
                float bestValue = Float.NEGATIVE_INFINITY;
                for (int c = p; c < count; c++) {
                    float sim = p == 0 ? 0f : maxSim[c];
                    float v = lam * rel[c] - (1f - lam) * sim;
                    if (v > bestValue) {
                        bestValue = v;
                        best = c;
                    }
                }
                swap(ranked, rel, maxSim, p, best);
                int jo = ranked[p] * d;
                for (int c = p + 1; c < count; c++) {
                    float sim = Vec.cosine(vecs, jo, vecs, ranked[c] * d, d);
                    if (sim > maxSim[c]) {
                        maxSim[c] = sim;
                    }
                }
            }
        };
    }

    private static void swap(int[] ranked, float[] rel, float[] maxSim, int a, int b) {
        if (a == b) {
            return;
        }
        // Keep the rest in rank order: rotate b to a.
        int r = ranked[b];
        float re = rel[b];
        float m = maxSim[b];
        System.arraycopy(ranked, a, ranked, a + 1, b - a);
        System.arraycopy(rel, a, rel, a + 1, b - a);
        System.arraycopy(maxSim, a, maxSim, a + 1, b - a);
        ranked[a] = r;
        rel[a] = re;
        maxSim[a] = m;
    }
}
