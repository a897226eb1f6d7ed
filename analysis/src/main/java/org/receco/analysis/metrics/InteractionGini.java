package org.receco.analysis.metrics;

import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.world.ItemStats;

/**
 * Gini coefficient of the cumulative interaction histogram (T-RECS's interaction histogram: Lucherini et al.,
 * "T-RECS: A Simulation Tool to Study the Societal Impact of Recommender Systems", 2021; summarised by
 * {@link Gini}): over every item published so far, the number of times it was consumed since
 * publication. 0 = consumption spread evenly; near 1 = a few items take everything. Recorded as
 * {@value #NAME}.
 */
public final class InteractionGini implements Observer {
    public static final String NAME = "gini.interactions";
    private double[] counts = new double[0];

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        int n = view.world().items().count();
        if (counts.length < n) {
            counts = new double[Math.max(n, counts.length * 2)];
        }
        ItemStats stats = view.world().stats();
        for (int i = 0; i < n; i++) {
            counts[i] = stats.clicks(i);
        }
        out.record(NAME, Gini.ofInPlace(counts, n));
    }
}
