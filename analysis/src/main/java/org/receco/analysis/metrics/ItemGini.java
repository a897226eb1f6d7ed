package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code gini.<signal>.item}: Gini of this round's exposure, clicks or likes across the items live this round,
 * zero counts included; G = Σ_j (2j − n − 1) e_(j) / (n Σ e) over counts sorted ascending (see {@link Gini}).
 * SimuLine's per-article Gini of exposure, clicks and likes (Zhang et al., "Simulating News Recommendation
 * Ecosystems for Fun and Profit", arXiv 2305.14103 / TCSS 2024).
 */
public final class ItemGini implements Metric {
    private final Signal signal;
    private double[] buffer = new double[0];

    public ItemGini(Signal signal) {
        this.signal = signal;
    }

    @Override
    public String name() {
        return "gini." + signal.key + ".item";
    }

    @Override
    public String family() {
        return "gini";
    }

    @Override
    public String definition() {
        return "Gini of " + signal.words + " this round across live items (0 = equal, (n-1)/n = all on one)";
    }

    @Override
    public Set<Need> needs() {
        return signal.needs;
    }

    @Override
    public double compute(RoundData d) {
        int n = d.liveCount();
        if (buffer.length < n) {
            buffer = new double[Math.max(n, buffer.length * 3 / 2)];
        }
        int[] counts = signal.counts(d);
        int[] live = d.live();
        for (int j = 0; j < n; j++) {
            buffer[j] = counts[live[j]];
        }
        return Gini.ofInPlace(buffer, n);
    }
}
