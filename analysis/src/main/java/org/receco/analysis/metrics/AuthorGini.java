package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code gini.<signal>.author}: Gini across all existing authors of the sum, over each author's live items, of
 * this round's exposure, clicks or likes (authors with nothing count as 0). SimuLine's per-creator Gini (Zhang
 * et al., "Simulating News Recommendation Ecosystems for Insights and Implications", IEEE TCSS 2024).
 */
public final class AuthorGini implements Metric {
    private final Signal signal;
    private double[] buffer = new double[0];

    public AuthorGini(Signal signal) {
        this.signal = signal;
    }

    @Override
    public String name() {
        return "gini." + signal.key + ".author";
    }

    @Override
    public String family() {
        return "gini";
    }

    @Override
    public String definition() {
        return "Gini of " + signal.words + " this round across authors (sum over each author's live items)";
    }

    @Override
    public Set<Need> needs() {
        return signal.needs;
    }

    @Override
    public double compute(RoundData d) {
        int n = d.authorCount();
        if (buffer.length < n) {
            buffer = new double[Math.max(n, buffer.length * 3 / 2)];
        }
        Arrays.fill(buffer, 0, n, 0);
        int[] counts = signal.counts(d);
        int[] live = d.live();
        for (int j = 0, m = d.liveCount(); j < m; j++) {
            int i = live[j];
            buffer[d.itemAuthor(i)] += counts[i];
        }
        return Gini.ofInPlace(buffer, n);
    }
}
