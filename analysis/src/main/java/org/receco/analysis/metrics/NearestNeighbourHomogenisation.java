package org.receco.analysis.metrics;

import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.util.Vec;
import org.receco.core.world.UserStore;

/**
 * Homogenisation of true-preference neighbours, after Chaney, Stewart &amp; Engelhardt ("How Algorithmic
 * Confounding in Recommendation Systems Increases Homogeneity and Decreases Utility", RecSys 2018): the mean,
 * over users u, of the Jaccard index between the set of items u consumed so far and the set its nearest
 * neighbour consumed so far, the nearest neighbour being the other user whose true preference vector at the
 * start has the highest cosine with u's (fixed for the run, the same for every recommender; ties to the lower
 * id). Recorded as {@value #NAME} every round; studies report it minus its value under {@code ideal}. This is
 * not the pairing of the published figures: those pair users as the recommender represents them, re-drawn
 * every step ({@link SimilarUserHomogenisation}). Under this one, content filtering sits below ideal, because
 * ideal makes true-preference neighbours consume almost the same items. Users joining later are not paired.
 * O(users²·d) once, then O(consumed items) per round.
 */
public final class NearestNeighbourHomogenisation implements Observer {
    public static final String NAME = "homogenisation.nn";

    private final ConsumedSets sets = new ConsumedSets();
    private int[] neighbour = new int[0];

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(RoundView view) {
        UserStore users = view.world().users();
        neighbour = nearestNeighbours(users.initialPrefs(), users.count(), users.dims());
    }

    /** Each user's nearest other user by cosine of the given vectors (-1 when alone). */
    static int[] nearestNeighbours(float[] vecs, int n, int d) {
        int[] nn = new int[n];
        for (int u = 0; u < n; u++) {
            int best = -1;
            float bestCos = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < n; v++) {
                if (v != u) {
                    float c = Vec.cosine(vecs, u * d, vecs, v * d, d);
                    if (c > bestCos) {
                        bestCos = c;
                        best = v;
                    }
                }
            }
            nn[u] = best;
        }
        return nn;
    }

    /** User u's nearest neighbour (for tests). */
    public int neighbour(int u) {
        return neighbour[u];
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        sets.add(view.state());
        int n = neighbour.length;
        double sum = 0;
        int pairs = 0;
        for (int u = 0; u < n; u++) {
            if (neighbour[u] >= 0) {
                sum += sets.jaccard(u, neighbour[u]);
                pairs++;
            }
        }
        out.record(NAME, pairs == 0 ? 0 : sum / pairs);
    }
}
