package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code attack.target.exposure}: the share of genuine users' slate positions this round that show one of the
 * shilling attack's targets, the platform-side reach of a push (or its loss under a nuke). In a living ecosystem
 * it can outlast the attack window, as the recommender retrains on the clicks the push caused (Gu et al. 2025,
 * Agent4SR, measure the static effect only).
 */
public final class TargetExposureShare implements Metric {
    @Override
    public String name() {
        return "attack.target.exposure";
    }

    @Override
    public String family() {
        return "attack";
    }

    @Override
    public String definition() {
        return "share of genuine users' slate positions showing an attack's target";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES);
    }

    @Override
    public double compute(RoundData d) {
        if (!TargetSlates.anyAttack(d)) {
            return Double.NaN;
        }
        int[] exposures = d.roundExposures();
        long shown = 0;
        java.util.BitSet seen = new java.util.BitSet();
        for (var a : d.attacks()) {
            for (int t = 0; t < a.targetCount(); t++) {
                int i = a.target(t);
                if (!seen.get(i) && i < d.itemCount()) {
                    seen.set(i);
                    shown += exposures[i];
                }
            }
        }
        int total = d.slateStart()[d.users()];
        return total == 0 ? Double.NaN : (double) shown / total;
    }
}
