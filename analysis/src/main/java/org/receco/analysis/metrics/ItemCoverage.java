package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code coverage.item}: item coverage |∪_u L_u| / |I| over the items live this round (aggregate diversity:
 * Adomavicius &amp; Kwon, "Improving Aggregate Recommendation Diversity Using Ranking-Based Techniques", IEEE TKDE
 * 2012; as used for news by SimuLine and by Mansoury et al., "Feedback Loop and Bias Amplification in
 * Recommender Systems", CIKM 2020). 0 when nothing is live.
 */
public final class ItemCoverage implements Metric {
    @Override
    public String name() {
        return "coverage.item";
    }

    @Override
    public String family() {
        return "coverage";
    }

    @Override
    public String definition() {
        return "share of live items shown to at least one user this round";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES);
    }

    @Override
    public double compute(RoundData d) {
        int n = d.liveCount();
        if (n == 0) {
            return 0;
        }
        int[] e = d.roundExposures();
        int[] live = d.live();
        int shown = 0;
        for (int j = 0; j < n; j++) {
            if (e[live[j]] > 0) {
                shown++;
            }
        }
        return (double) shown / n;
    }
}
