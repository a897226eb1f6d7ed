package org.receco.analysis.metrics;

import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RoundView;

/**
 * Homogenisation of the users the recommender itself deems similar, relative to a baseline run: the measure
 * behind the "change in Jaccard index" figures of Chaney, Stewart &amp; Engelhardt, "How Algorithmic
 * Confounding in Recommendation Systems Increases Homogeneity and Decreases Utility" (RecSys 2018), as the
 * public T-RECS replication computes it (t-recs-experiments, {@code chaney_utils.SimilarUserInteractionSimilarity},
 * plotted by {@code chaney_replication.ipynb} as "similar users paired").
 *
 * <p>After every round each user u is paired with the other user whose representation <em>in the
 * recommender in force</em> ({@link Recommender#userRepresentation}) has the highest cosine with u's: the
 * oracle's is the true preference, content filtering's the fitted profile, matrix factorisation's the latent
 * factors, social filtering's the adjacency row. The pairs are re-drawn every round, exact ties (e.g. all-zero
 * profiles before the first training) broken uniformly at random; a recommender without a representation
 * (popularity, random) pairs every user with a uniformly random other user, as T-RECS's constant (popularity)
 * or re-randomised (random) user matrix does. The value is the mean over users of the Jaccard index of the
 * pair's cumulative consumed sets in this run minus the same pair's Jaccard in the baseline run (same
 * replicate seed, so the same world) at the end of the same round. Without a baseline it is the plain Jaccard;
 * the baseline run measured against its own history records 0.
 *
 * <p>Unlike {@link NearestNeighbourHomogenisation} (pairs fixed by true preference), this pairing is what makes
 * content filtering homogenise: users whose learned profiles coincide are shown the same ranking.
 */
public final class SimilarUserHomogenisation implements Observer {
    public static final String NAME = "homogenisation.similar";
    static final String STREAM = "observer.homogenisation.similar";

    private final ConsumptionHistory baseline;
    private final ConsumptionHistory record;
    private final ConsumedSets sets = new ConsumedSets();
    private SplitMix rng;
    private int[] partner = new int[0];

    /**
     * @param baseline the baseline run's consumption, complete before this run starts, or null for the plain
     *                 Jaccard; may be {@code record} itself (the baseline run measured against itself)
     * @param record   where to write this run's consumption for later runs, or null
     */
    public SimilarUserHomogenisation(ConsumptionHistory baseline, ConsumptionHistory record) {
        this.baseline = baseline;
        this.record = record;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(RoundView view) {
        rng = view.streams().stream(STREAM);
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        RoundState state = view.state();
        sets.add(state);
        if (record != null) {
            record.add(state);
        }
        int n = state.users();
        if (n < 2) {
            out.record(NAME, 0);
            return;
        }
        pair(view.recommender(), n);
        // Each user's baseline set as of this round, read once (a user is in up to n pairs).
        int[][] base = baseline == null ? null : new int[n][];
        double sum = 0;
        for (int u = 0; u < n; u++) {
            int v = partner[u];
            double j = sets.jaccard(u, v);
            if (base != null) {
                int[] a = base[u] != null ? base[u] : (base[u] = baseline.consumedBy(u, state.round()));
                int[] b = base[v] != null ? base[v] : (base[v] = baseline.consumedBy(v, state.round()));
                j -= Homogenisation.jaccard(a, a.length, b, b.length);
            }
            sum += j;
        }
        out.record(NAME, sum / n);
    }

    /** Fills {@code partner} with each user's most similar other user as {@code rec} represents them. */
    private void pair(Recommender rec, int n) {
        if (partner.length < n) {
            partner = new int[n];
        }
        float[][] reps = new float[n][];
        boolean any = false;
        for (int u = 0; u < n && rec != null; u++) {
            reps[u] = rec.userRepresentation(u);
            any |= reps[u] != null;
        }
        if (!any) {
            for (int u = 0; u < n; u++) {
                int v = rng.nextInt(n - 1);
                partner[u] = v >= u ? v + 1 : v;
            }
            return;
        }
        double[] norm = new double[n];
        for (int u = 0; u < n; u++) {
            norm[u] = reps[u] == null ? 0 : Math.sqrt(dot(reps[u], reps[u]));
        }
        partner = nearest(reps, norm, n, rng, partner);
    }

    /** Each user's highest-cosine other user (cosine 0 against a zero vector); exact ties uniformly at random. */
    static int[] nearest(float[][] reps, double[] norm, int n, SplitMix rng, int[] out) {
        for (int u = 0; u < n; u++) {
            double best = Double.NEGATIVE_INFINITY;
            int pick = -1;
            int ties = 0;
            for (int v = 0; v < n; v++) {
                if (v == u) {
                    continue;
                }
                double c = norm[u] == 0 || norm[v] == 0 ? 0 : dot(reps[u], reps[v]) / (norm[u] * norm[v]);
                if (c > best) {
                    best = c;
                    pick = v;
                    ties = 1;
                } else if (c == best && rng.nextInt(++ties) == 0) {
                    pick = v;
                }
            }
            out[u] = pick;
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        int d = Math.min(a.length, b.length);
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }
}
