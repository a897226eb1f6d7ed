package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * The segment attack (Mobasher et al., ACM TOIT 2007): targets rated r_max, the {@code selected} most popular
 * items of the targets' segment (their topic, public metadata) rated r_max, random filler rated r_min, so the
 * fake accounts are near the segment's users and far from everyone else. Reads: the targets' topic, the
 * catalogue's topics and public popularity.
 */
public record SegmentAttack() implements AttackStrategy {
    public static final String NAME = "segment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "targets and the segment's popular items r_max, random filler r_min; reads item topics, popularity";
    }

    @Override
    public void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out) {
        for (int t = 0; t < k.targetCount(); t++) {
            out.add(k.target(t), 5, FakeProfile.TARGET);
        }
        int added = 0;
        for (int j = 0; j < k.liveCount() && added < selected; j++) {
            int item = k.popular(j);
            if (!k.isTarget(item) && inSegment(k, item) && out.add(item, 5, FakeProfile.SELECTED)) {
                added++;
            }
        }
        AttackStrategy.randomFiller(k, filler, rng, out, (item, r) -> 1);
    }

    private static boolean inSegment(AttackerKnowledge k, int item) {
        int topic = k.catalog().topic(item);
        for (int t = 0; t < k.targetCount(); t++) {
            if (k.catalog().topic(k.target(t)) == topic) {
                return true;
            }
        }
        return false;
    }
}
