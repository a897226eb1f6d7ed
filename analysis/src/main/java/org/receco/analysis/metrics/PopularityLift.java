package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code popularity.lift}: ΔGAP = (GAP_slate − GAP_profile) / GAP_profile over all users, with
 * GAP_S = (1/|U|) Σ_u mean_{i∈S_u} φ(i), S = L_u (slates) or C_u (profiles: the items u clicked this round),
 * φ(i) = clicks in earlier rounds; U = users with a non-empty slate and at least one click. Positive: the
 * recommender shows more popular items than users end up consuming. Abdollahpouri, Mansoury, Burke &amp;
 * Mobasher, "The Unfairness of Popularity Bias in Recommendation" (RMSE@RecSys 2019).
 * NaN (not recorded) when GAP_profile is 0.
 */
public final class PopularityLift implements Metric {
    @Override
    public String name() {
        return "popularity.lift";
    }

    @Override
    public String family() {
        return "popularity";
    }

    @Override
    public String definition() {
        return "ΔGAP: relative popularity lift of slates over the clicked items (Abdollahpouri et al. 2019)";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        long[] phi = d.popularity();
        int[] ss = d.slateStart();
        int[] si = d.slateItems();
        int[] cs = d.clickStart();
        int[] ci = d.clickItems();
        double slate = 0;
        double profile = 0;
        int users = 0;
        for (int u = 0; u < d.users(); u++) {
            int ls = ss[u + 1] - ss[u];
            int lc = cs[u + 1] - cs[u];
            if (ls == 0 || lc == 0) {
                continue;
            }
            long a = 0;
            for (int k = ss[u]; k < ss[u + 1]; k++) {
                a += phi[si[k]];
            }
            long b = 0;
            for (int k = cs[u]; k < cs[u + 1]; k++) {
                b += phi[ci[k]];
            }
            slate += (double) a / ls;
            profile += (double) b / lc;
            users++;
        }
        if (users == 0 || profile == 0) {
            return Double.NaN;
        }
        return (slate / users - profile / users) / (profile / users);
    }
}
