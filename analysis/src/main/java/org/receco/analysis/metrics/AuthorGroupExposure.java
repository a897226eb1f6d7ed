package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * Provider fairness between two author groups: group 1 = authors whose topic is in
 * {@link MetricConfig#authorGroupTopics()} (e.g. a minority topic), group 2 = every other existing author.
 * Author exposure E(p) = Σ_{i of p} E(i), with position-weighted item exposure E(i) = Σ_u Σ_r 1[L_u(r) = i] /
 * log2(r + 1) this round (Singh &amp; Joachims, "Fairness of Exposure in Rankings", KDD 2018).
 * <ul>
 *   <li>{@code fairness.author.exposure.share}: Σ_{p∈G1} E(p) / Σ_p E(p);</li>
 *   <li>{@code fairness.author.item.share}: share of the live items written by group 1 (compare with the above);</li>
 *   <li>{@code fairness.author.exposure.disparity}: |mean_{p∈G1} E(p) − mean_{p∈G2} E(p)|.</li>
 * </ul>
 * NaN (not recorded) when a denominator is 0 or a group is empty.
 */
public final class AuthorGroupExposure implements Metric {
    /** Which statistic. */
    public enum Kind { SHARE, ITEM_SHARE, DISPARITY }

    private final Kind kind;
    private final MetricConfig config;
    private double[] exposure = new double[0];

    public AuthorGroupExposure(Kind kind, MetricConfig config) {
        this.kind = kind;
        this.config = config;
    }

    @Override
    public String name() {
        return switch (kind) {
            case SHARE -> "fairness.author.exposure.share";
            case ITEM_SHARE -> "fairness.author.item.share";
            case DISPARITY -> "fairness.author.exposure.disparity";
        };
    }

    @Override
    public String family() {
        return "fairness.author";
    }

    @Override
    public String definition() {
        return switch (kind) {
            case SHARE -> "share of position-weighted exposure going to author group 1 (metrics.authorGroupTopics)";
            case ITEM_SHARE -> "share of live items written by author group 1 (metrics.authorGroupTopics)";
            case DISPARITY -> "|mean position-weighted exposure per author, group 1 - group 2|";
        };
    }

    @Override
    public Set<Need> needs() {
        return kind == Kind.ITEM_SHARE ? Set.of() : Set.of(Need.SLATES);
    }

    @Override
    public double compute(RoundData d) {
        int[] live = d.live();
        int n = d.liveCount();
        if (kind == Kind.ITEM_SHARE) {
            int g1 = 0;
            for (int j = 0; j < n; j++) {
                if (config.authorInGroup1(d.authorTopic(d.itemAuthor(live[j])))) {
                    g1++;
                }
            }
            return n == 0 ? Double.NaN : (double) g1 / n;
        }
        int authors = d.authorCount();
        if (exposure.length < authors) {
            exposure = new double[Math.max(authors, exposure.length * 3 / 2)];
        }
        java.util.Arrays.fill(exposure, 0, authors, 0);
        double[] e = d.positionExposure();
        for (int j = 0; j < n; j++) {
            exposure[d.itemAuthor(live[j])] += e[live[j]];
        }
        double s1 = 0;
        double s2 = 0;
        int n1 = 0;
        for (int a = 0; a < authors; a++) {
            if (config.authorInGroup1(d.authorTopic(a))) {
                s1 += exposure[a];
                n1++;
            } else {
                s2 += exposure[a];
            }
        }
        int n2 = authors - n1;
        if (kind == Kind.SHARE) {
            return s1 + s2 == 0 ? Double.NaN : s1 / (s1 + s2);
        }
        return n1 == 0 || n2 == 0 ? Double.NaN : Math.abs(s1 / n1 - s2 / n2);
    }
}
