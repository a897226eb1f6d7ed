package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * Accuracy of this round's slates against what each user actually clicked (relevant = clicked), averaged over
 * users with at least one click; ranks r count from 1 and only ranks ≤ k count ({@link MetricConfig#k()}):
 * <ul>
 *   <li>{@code accuracy.precision}: |top-k ∩ clicked| / k;</li>
 *   <li>{@code accuracy.recall}: |top-k ∩ clicked| / |clicked|;</li>
 *   <li>{@code accuracy.ndcg}: DCG / IDCG with DCG = Σ_{r≤k} rel_r / log2(r + 1) and IDCG the DCG of
 *       min(k, |clicked|) relevant items at the top;</li>
 *   <li>{@code accuracy.mrr}: 1 / rank of the first clicked item within the top k, 0 if none;</li>
 *   <li>{@code accuracy.hr}: share of users with a click within the top k.</li>
 * </ul>
 * NDCG as in Järvelin &amp; Kekäläinen, "Cumulated Gain-Based Evaluation of IR Techniques" (ACM TOIS 2002).
 * Positions come from the clicks, so only
 * clicks are needed.
 */
public final class Accuracy implements Metric {
    /** Which accuracy statistic. */
    public enum Kind { PRECISION, RECALL, NDCG, MRR, HR }

    private final Kind kind;
    private final int k;

    public Accuracy(Kind kind, int k) {
        this.kind = kind;
        this.k = k;
    }

    @Override
    public String name() {
        return "accuracy." + kind.name().toLowerCase();
    }

    @Override
    public String family() {
        return "accuracy";
    }

    @Override
    public String definition() {
        return switch (kind) {
            case PRECISION -> "precision@k of slates against clicks (k = metrics.k)";
            case RECALL -> "recall@k of slates against clicks";
            case NDCG -> "NDCG@k of slates against clicks";
            case MRR -> "MRR@k: mean reciprocal rank of the first clicked item in the top k";
            case HR -> "HR@k: share of clicking users with a click in the top k";
        };
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        int[] cs = d.clickStart();
        int[] pos = d.clickPositions();
        double sum = 0;
        int users = 0;
        for (int u = 0; u < d.users(); u++) {
            int n = cs[u + 1] - cs[u];
            if (n == 0) {
                continue;
            }
            users++;
            if (kind == Kind.NDCG) {
                sum += ndcg(d, u, k);
                continue;
            }
            int hits = 0;
            int first = Integer.MAX_VALUE;
            for (int c = cs[u]; c < cs[u + 1]; c++) {
                if (pos[c] < k) {
                    hits++;
                    first = Math.min(first, pos[c] + 1);
                }
            }
            sum += switch (kind) {
                case PRECISION -> (double) hits / k;
                case RECALL -> (double) hits / n;
                case MRR -> hits == 0 ? 0 : 1.0 / first;
                case HR -> hits > 0 ? 1 : 0;
                case NDCG -> throw new AssertionError();
            };
        }
        return users == 0 ? Double.NaN : sum / users;
    }

    /** NDCG@k of user {@code u}'s slate against u's clicks (0 when u clicked nothing). */
    static double ndcg(RoundData d, int u, int k) {
        int[] cs = d.clickStart();
        int[] pos = d.clickPositions();
        int n = cs[u + 1] - cs[u];
        if (n == 0) {
            return 0;
        }
        double dcg = 0;
        for (int c = cs[u]; c < cs[u + 1]; c++) {
            if (pos[c] < k) {
                dcg += RoundData.discount(pos[c] + 1);
            }
        }
        double idcg = 0;
        for (int r = 1, m = Math.min(k, n); r <= m; r++) {
            idcg += RoundData.discount(r);
        }
        return dcg / idcg;
    }
}
