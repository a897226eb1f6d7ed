package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * User-group fairness: group 1 = users whose topic of origin is in {@link MetricConfig#userGroupTopics()}
 * (e.g. niche vs mainstream users), group 2 = the others; only users with at least one click count.
 * <ul>
 *   <li>{@code fairness.user.utility.gap}: |mean_{G1} U(u) − mean_{G2} U(u)|, U(u) = total realised true
 *       utility of u's clicks this round;</li>
 *   <li>{@code fairness.user.ndcg.gap}: |mean_{G1} NDCG@k(u) − mean_{G2} NDCG@k(u)| with NDCG as in
 *       {@link Accuracy} (relevant = clicked).</li>
 * </ul>
 * Ekstrand et al., "All The Cool Kids, How Do They Fit In?" (FAT* 2018); Mansoury et al., "Feedback Loop and
 * Bias Amplification in Recommender Systems" (CIKM 2020). NaN (not recorded) when a group has no clicking user.
 */
public final class UserGroupGap implements Metric {
    /** Which gap. */
    public enum Kind { UTILITY, NDCG }

    private final Kind kind;
    private final MetricConfig config;

    public UserGroupGap(Kind kind, MetricConfig config) {
        this.kind = kind;
        this.config = config;
    }

    @Override
    public String name() {
        return kind == Kind.UTILITY ? "fairness.user.utility.gap" : "fairness.user.ndcg.gap";
    }

    @Override
    public String family() {
        return "fairness.user";
    }

    @Override
    public String definition() {
        return kind == Kind.UTILITY
                ? "|mean realised utility per user, user group 1 - group 2| (metrics.userGroupTopics)"
                : "|mean NDCG@k of slates vs clicks, user group 1 - group 2| (metrics.userGroupTopics)";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        int[] cs = d.clickStart();
        float[] util = d.clickUtilities();
        double s1 = 0;
        double s2 = 0;
        int n1 = 0;
        int n2 = 0;
        for (int u = 0; u < d.users(); u++) {
            if (cs[u + 1] == cs[u]) {
                continue;
            }
            double v;
            if (kind == Kind.UTILITY) {
                v = 0;
                for (int k = cs[u]; k < cs[u + 1]; k++) {
                    v += util[k];
                }
            } else {
                v = Accuracy.ndcg(d, u, config.k());
            }
            if (config.userInGroup1(d.userTopic(u))) {
                s1 += v;
                n1++;
            } else {
                s2 += v;
                n2++;
            }
        }
        return n1 == 0 || n2 == 0 ? Double.NaN : Math.abs(s1 / n1 - s2 / n2);
    }
}
