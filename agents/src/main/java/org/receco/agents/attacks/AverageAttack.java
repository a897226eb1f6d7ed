package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The average attack (Lam &amp; Riedl, WWW 2004): targets rated r_max, random filler items each rated around its
 * own public mean, ~ N(item mean, global sd) (the public counters give an item's mean, not its spread). Reads:
 * per-item mean ratings and the live catalogue.
 */
public record AverageAttack() implements AttackStrategy {
    public static final String NAME = "average";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "targets r_max; random filler rated ~ N(item mean, sd); reads per-item mean ratings";
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 5, FakeProfile.TARGET);
        }
        AttackStrategy.randomFiller(k, filler, rng, out,
                (item, r) -> FakeProfile.stars(k.itemMean(item) + k.globalSd() * r.nextGaussian()));
    }
}
