package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code attack.target.hr}: the shilling attack's target hit ratio HR@k, the mean over target items t of the share
 * of genuine users who had not consumed t with t in their top k this round (Mobasher et al., ACM TOIT 2007; Gu et
 * al. 2025, Agent4SR). Recorded only in runs with an attack, from the round it begins: in that round the
 * recommender has not yet seen a fake rating, so it is the "before" value.
 */
public final class TargetHitRatio implements Metric {
    private final TargetSlates slates;

    public TargetHitRatio(int k) {
        this.slates = new TargetSlates(k);
    }

    @Override
    public String name() {
        return "attack.target.hr";
    }

    @Override
    public String family() {
        return "attack";
    }

    @Override
    public String definition() {
        return "HR@k of the attack's targets among genuine users who have not consumed them (k = metrics.k)";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        return slates.update(d) ? slates.hitRatio() : Double.NaN;
    }
}
