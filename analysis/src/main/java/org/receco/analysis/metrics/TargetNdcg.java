package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code attack.target.ndcg}: NDCG@k of the shilling attack's targets, the mean over targets t and genuine users
 * who had not consumed t of 1/log2(rank + 1) when t is at rank ≤ k of the slate, else 0 (one relevant item, so
 * IDCG = 1; Järvelin &amp; Kekäläinen, ACM TOIS 2002, as used for attacks by Gu et al. 2025, Agent4SR).
 */
public final class TargetNdcg implements Metric {
    private final TargetSlates slates;

    public TargetNdcg(int k) {
        this.slates = new TargetSlates(k);
    }

    @Override
    public String name() {
        return "attack.target.ndcg";
    }

    @Override
    public String family() {
        return "attack";
    }

    @Override
    public String definition() {
        return "NDCG@k of the attack's targets among genuine users who have not consumed them";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        return slates.update(d) ? slates.ndcg() : Double.NaN;
    }
}
