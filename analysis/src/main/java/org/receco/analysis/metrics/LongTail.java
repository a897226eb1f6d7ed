package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * Long-tail exposure, with head and tail Γ as in {@link HeadTail} (head = most popular live items covering
 * 20 % of earlier clicks):
 * <ul>
 *   <li>{@code longtail.exposure.share}: share of this round's slate positions that show a tail item;</li>
 *   <li>{@code popularity.aplt}: APLT = (1/|U|) Σ_u |L_u ∩ Γ| / |L_u|;</li>
 *   <li>{@code popularity.aclt}: ACLT = (1/|U|) Σ_u |L_u ∩ Γ|.</li>
 * </ul>
 * U = users with a non-empty slate. Abdollahpouri, Burke &amp; Mobasher, "Managing Popularity Bias in
 * Recommender Systems with Personalized Re-ranking" (FLAIRS 2019).
 */
public final class LongTail implements Metric {
    /** Which long-tail statistic. */
    public enum Kind { SHARE, APLT, ACLT }

    private final Kind kind;
    private final HeadTail split = new HeadTail();

    public LongTail(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case SHARE -> "longtail.exposure.share";
            case APLT -> "popularity.aplt";
            case ACLT -> "popularity.aclt";
        };
    }

    @Override
    public String family() {
        return kind == Kind.SHARE ? "coverage" : "popularity";
    }

    @Override
    public String definition() {
        return switch (kind) {
            case SHARE -> "share of slate positions showing long-tail items (tail = outside the 20 % click head)";
            case APLT -> "APLT: mean over users of the share of long-tail items in their slate";
            case ACLT -> "ACLT: mean over users of the number of long-tail items in their slate";
        };
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        boolean[] head = split.compute(d);
        int[] start = d.slateStart();
        int[] items = d.slateItems();
        double sum = 0;
        long tail = 0;
        long positions = 0;
        int users = 0;
        for (int u = 0; u < d.users(); u++) {
            int len = start[u + 1] - start[u];
            if (len == 0) {
                continue;
            }
            int t = 0;
            for (int k = start[u]; k < start[u + 1]; k++) {
                if (!head[items[k]]) {
                    t++;
                }
            }
            users++;
            tail += t;
            positions += len;
            sum += kind == Kind.APLT ? (double) t / len : t;
        }
        if (kind == Kind.SHARE) {
            return positions == 0 ? 0 : (double) tail / positions;
        }
        return users == 0 ? 0 : sum / users;
    }
}
