package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The bandwagon attack (Mobasher et al., ACM TOIT 2007): targets rated r_max, the {@code selected} most popular
 * live items rated r_max (so the fake accounts look like the many users who rate the blockbusters, and the
 * targets ride along), random filler rated ~ N(global mean, global sd). Reads: which items are popular (public
 * rating counts) and the global rating statistics.
 */
public record BandwagonAttack() implements AttackStrategy {
    public static final String NAME = "bandwagon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "targets and the most popular items r_max; random filler ~ N(global mean, sd); reads popularity";
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 5, FakeProfile.TARGET);
        }
        for (int j = 0, added = 0; j < k.liveCount() && added < selected; j++) {
            int item = k.popular(j);
            if (!k.isTarget(item) && out.add(item, 5, FakeProfile.SELECTED)) {
                added++;
            }
        }
        AttackStrategy.randomFiller(k, filler, rng, out,
                (item, r) -> FakeProfile.stars(k.globalMean() + k.globalSd() * r.nextGaussian()));
    }
}
