package org.receco.analysis.metrics;

import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;

/**
 * {@code gini.exposure.item}: Gini of exposure (times shown in slates) this round across the items live this
 * round, zero-exposure items included. SimuLine's exposure Gini per article (Zhang et al., TCSS 2024); formula
 * in {@link Gini}.
 */
public final class ItemExposureGini implements Observer {
    public static final String NAME = "gini.exposure.item";
    private double[] buffer = new double[0];

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        ItemCatalog items = view.world().items();
        ItemStats stats = view.world().stats();
        int n = items.liveCount();
        if (buffer.length < n) {
            buffer = new double[n];
        }
        for (int j = 0; j < n; j++) {
            buffer[j] = stats.roundExposures(items.liveItem(j));
        }
        out.record(NAME, Gini.ofInPlace(buffer, n));
    }
}
