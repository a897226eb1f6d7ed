package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The random attack (Lam &amp; Riedl, WWW 2004): targets rated r_max, filler items drawn uniformly from the live
 * items and rated ~ N(global mean, global sd). Reads: the global rating statistics and the live catalogue.
 */
public record RandomAttack() implements AttackStrategy {
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "targets r_max; random filler rated ~ N(global mean, sd); reads global rating stats";
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 5, FakeProfile.TARGET);
        }
        AttackStrategy.randomFiller(k, filler, rng, out,
                (item, r) -> FakeProfile.stars(k.globalMean() + k.globalSd() * r.nextGaussian()));
    }
}
