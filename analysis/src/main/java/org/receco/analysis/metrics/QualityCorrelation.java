package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code quality.corr.<signal>}: Pearson correlation, over the items live this round, between quality (as at
 * publication) and this round's exposure, clicks or likes. SimuLine's quality–popularity correlation (Zhang et
 * al., "Simulating News Recommendation Ecosystems for Insights and Implications", IEEE TCSS 2024). NaN (not
 * recorded) when either side is constant.
 */
public final class QualityCorrelation implements Metric {
    private final Signal signal;

    public QualityCorrelation(Signal signal) {
        this.signal = signal;
    }

    @Override
    public String name() {
        return "quality.corr." + signal.key;
    }

    @Override
    public String family() {
        return "quality";
    }

    @Override
    public String definition() {
        return "Pearson correlation of item quality with " + signal.words + " this round over live items";
    }

    @Override
    public Set<Need> needs() {
        return signal.needs;
    }

    @Override
    public double compute(RoundData d) {
        int n = d.liveCount();
        int[] live = d.live();
        int[] c = signal.counts(d);
        double mx = 0;
        double my = 0;
        for (int j = 0; j < n; j++) {
            mx += d.itemQuality(live[j]);
            my += c[live[j]];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int j = 0; j < n; j++) {
            double x = d.itemQuality(live[j]) - mx;
            double y = c[live[j]] - my;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return n < 2 || sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
