package org.receco.analysis.metrics;

import org.receco.core.rng.SplitMix;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;

/**
 * T-RECS's {@code InteractionSimilarity} (Lucherini et al. 2021): the mean Jaccard index between the sets of
 * items the two users of each of {@code pairs} random user pairs consumed so far (cumulative, unlike the
 * per-round {@code homogenisation.click}). Pairs of distinct users are drawn once, at the start, from stream
 * {@value #STREAM}, so the observer never changes the run. Recorded as {@value #NAME}.
 */
public final class RandomPairHomogenisation implements Observer {
    public static final String NAME = "homogenisation.pairs";
    static final String STREAM = "observer.homogenisation.cumulative.pairs";

    private final int pairCount;
    private final ConsumedSets sets = new ConsumedSets();
    private int[] pairs = new int[0];

    public RandomPairHomogenisation(int pairCount) {
        if (pairCount < 1) {
            throw new IllegalArgumentException("pairCount must be at least 1");
        }
        this.pairCount = pairCount;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(RoundView view) {
        int users = view.world().users().count();
        if (users < 2) {
            pairs = new int[0];
            return;
        }
        SplitMix rng = view.streams().stream(STREAM);
        pairs = new int[2 * pairCount];
        for (int p = 0; p < pairCount; p++) {
            int u = rng.nextInt(users);
            int v = rng.nextInt(users - 1);
            pairs[2 * p] = u;
            pairs[2 * p + 1] = v >= u ? v + 1 : v;
        }
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        sets.add(view.state());
        int n = pairs.length / 2;
        double sum = 0;
        for (int p = 0; p < n; p++) {
            sum += sets.jaccard(pairs[2 * p], pairs[2 * p + 1]);
        }
        out.record(NAME, n == 0 ? 0 : sum / n);
    }
}
