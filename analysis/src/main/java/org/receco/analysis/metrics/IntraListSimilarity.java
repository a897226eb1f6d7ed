package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code diversity.ils}: intra-list similarity ILS(L) = 2 / (k(k − 1)) Σ_{i<j} cos(v_i, v_j) over the item
 * vectors of each slate L (k = |L| ≥ 2), averaged over users; diversity = 1 − ILS. Computed exactly as
 * (‖Σ v̂_i‖² − Σ ‖v̂_i‖²) / (k(k − 1)) with v̂ the unit vectors. Ziegler et al., "Improving Recommendation
 * Lists Through Topic Diversification" (WWW 2005); SimuLine's in-list similarity (Zhang et al., TCSS 2024).
 */
public final class IntraListSimilarity implements Metric {
    private double[] sum = new double[0];

    @Override
    public String name() {
        return "diversity.ils";
    }

    @Override
    public String family() {
        return "diversity";
    }

    @Override
    public String definition() {
        return "intra-list similarity: mean pairwise cosine of the items in a slate, averaged over users";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.ITEM_VECTORS);
    }

    @Override
    public double compute(RoundData d) {
        int dims = d.dims();
        if (sum.length < dims) {
            sum = new double[dims];
        }
        float[] vec = d.itemVectors();
        int[] start = d.slateStart();
        int[] items = d.slateItems();
        double total = 0;
        int users = 0;
        for (int u = 0; u < d.users(); u++) {
            int k = start[u + 1] - start[u];
            if (k < 2) {
                continue;
            }
            java.util.Arrays.fill(sum, 0, dims, 0);
            double self = 0;
            for (int p = start[u]; p < start[u + 1]; p++) {
                int off = items[p] * dims;
                double n2 = 0;
                for (int x = 0; x < dims; x++) {
                    n2 += (double) vec[off + x] * vec[off + x];
                }
                if (n2 == 0) {
                    continue;
                }
                double inv = 1 / Math.sqrt(n2);
                for (int x = 0; x < dims; x++) {
                    sum[x] += vec[off + x] * inv;
                }
                self += 1;
            }
            double s2 = 0;
            for (int x = 0; x < dims; x++) {
                s2 += sum[x] * sum[x];
            }
            total += (s2 - self) / ((double) k * (k - 1));
            users++;
        }
        return users == 0 ? Double.NaN : total / users;
    }
}
