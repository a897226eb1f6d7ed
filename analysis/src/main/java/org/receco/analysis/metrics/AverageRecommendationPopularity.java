package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code popularity.arp}: ARP = (1/|U|) Σ_u (1/|L_u|) Σ_{i∈L_u} φ(i), φ(i) = clicks on i in earlier rounds,
 * U = users with a non-empty slate. Abdollahpouri, Burke &amp; Mobasher, "Managing Popularity Bias in Recommender
 * Systems with Personalized Re-ranking" (FLAIRS 2019), as also used by Yalcin &amp; Bilge (2021).
 */
public final class AverageRecommendationPopularity implements Metric {
    @Override
    public String name() {
        return "popularity.arp";
    }

    @Override
    public String family() {
        return "popularity";
    }

    @Override
    public String definition() {
        return "ARP: mean over users of the mean earlier-click count of the items in their slate";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        long[] phi = d.popularity();
        int[] start = d.slateStart();
        int[] items = d.slateItems();
        double sum = 0;
        int users = 0;
        for (int u = 0; u < d.users(); u++) {
            int len = start[u + 1] - start[u];
            if (len == 0) {
                continue;
            }
            long s = 0;
            for (int k = start[u]; k < start[u + 1]; k++) {
                s += phi[items[k]];
            }
            sum += (double) s / len;
            users++;
        }
        return users == 0 ? 0 : sum / users;
    }
}
