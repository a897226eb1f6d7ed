package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The love/hate nuke attack (Mobasher et al., ACM TOIT 2007): targets rated r_min, random filler rated r_max, so
 * the targets fall against everything else. Reads: nothing beyond the live catalogue.
 */
public record LoveHateAttack() implements AttackStrategy {
    public static final String NAME = "love-hate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "nuke: targets r_min, random filler r_max; reads nothing but the catalogue";
    }

    @Override
    public boolean pushes() {
        return false;
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 1, FakeProfile.TARGET);
        }
        AttackStrategy.randomFiller(k, filler, rng, out, (item, r) -> 5);
    }
}
