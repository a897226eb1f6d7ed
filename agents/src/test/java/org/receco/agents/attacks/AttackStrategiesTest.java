package org.receco.agents.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.ItemStats;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/** Each strategy's profile against its definition (Lam &amp; Riedl 2004; Mobasher et al. 2007; Gu et al. 2025). */
class AttackStrategiesTest {
    static final int ITEMS = 60;

    /** 60 live items on two topics; item i has i % 10 ratings of 4 stars on top of 2 of 2 stars (item 59 most). */
    static AttackerKnowledge knowledge(int... targets) {
        World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 1, 1, ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            float a = (float) (i * Math.PI / 2 / ITEMS);
            w.items().add(new float[] {(float) Math.cos(a), (float) Math.sin(a)}, 0, i % 3, i / 10, 0f, i % 2);
        }
        w.items().rebuildLive();
        ItemStats st = w.stats();
        st.ensure(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            st.rate(i, 2);
            st.rate(i, 2);
            for (int k = 0; k < i / 6; k++) {
                st.rate(i, 4);
            }
        }
        return new AttackerKnowledge(w.items(), st, targets, 12);
    }

    private static FakeProfile build(String name, AttackerKnowledge k, int selected, int filler) {
        FakeProfile p = new FakeProfile();
        AttackStrategies.create(name, new AttackStrategies.Options(new TemplateReviewWriter(), 0.5))
                .build(k, 0, selected, filler, new SplitMix(7), p);
        return p;
    }

    private static int count(FakeProfile p, byte role) {
        int n = 0;
        for (int e = 0; e < p.size(); e++) {
            n += p.role(e) == role ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyPushRatesItsTargetsFiveAndLoveHateNukesThem() {
        AttackerKnowledge k = knowledge(3, 4);
        for (String name : AttackStrategies.registry().names()) {
            FakeProfile p = build(name, k, 3, 10);
            boolean push = AttackStrategies.create(name, new AttackStrategies.Options(new TemplateReviewWriter(),
                    0.5)).pushes();
            assertEquals(2, count(p, FakeProfile.TARGET), name);
            for (int e = 0; e < p.size(); e++) {
                if (p.role(e) == FakeProfile.TARGET) {
                    assertEquals(push ? 5 : 1, p.rating(e), name);
                }
            }
            assertEquals(10, count(p, FakeProfile.FILLER), name);
            assertEquals(name.equals(LoveHateAttack.NAME), !push, name);
        }
    }

    @Test
    void bandwagonSelectsTheMostPopularItemsAndRatesThemFive() {
        FakeProfile p = build(BandwagonAttack.NAME, knowledge(3), 3, 5);
        int selected = 0;
        for (int e = 0; e < p.size(); e++) {
            if (p.role(e) == FakeProfile.SELECTED) {
                assertTrue(p.item(e) >= 54, "item " + p.item(e) + " is not among the most rated");
                assertEquals(5, p.rating(e));
                selected++;
            }
        }
        assertEquals(3, selected);
    }

    @Test
    void segmentStaysInTheTargetsTopicAndRatesFillerOne() {
        FakeProfile p = build(SegmentAttack.NAME, knowledge(3), 4, 8);
        for (int e = 0; e < p.size(); e++) {
            if (p.role(e) == FakeProfile.SELECTED) {
                assertEquals(1, p.item(e) % 2, "selected item " + p.item(e) + " is outside topic 1");
            } else if (p.role(e) == FakeProfile.FILLER) {
                assertEquals(1, p.rating(e));
            }
        }
        assertEquals(4, count(p, FakeProfile.SELECTED));
    }

    @Test
    void averageFillerFollowsEachItemsMeanRandomFillerTheGlobalOne() {
        AttackerKnowledge k = knowledge(0);
        double lowItems = 0;
        double highItems = 0;
        int nLow = 0;
        int nHigh = 0;
        for (int seed = 0; seed < 200; seed++) {
            FakeProfile p = new FakeProfile();
            new AverageAttack().build(k, 0, 0, 20, new SplitMix(seed), p);
            for (int e = 0; e < p.size(); e++) {
                if (p.role(e) != FakeProfile.FILLER) {
                    continue;
                }
                if (p.item(e) < 12) {
                    lowItems += p.rating(e);
                    nLow++;
                } else if (p.item(e) >= 48) {
                    highItems += p.rating(e);
                    nHigh++;
                }
            }
        }
        // items below 12 have mean 2 (or 2.67), items from 48 on about 3.6: the filler means must differ by > 0.5
        assertTrue(highItems / nHigh - lowItems / nLow > 0.5, lowItems / nLow + " vs " + highItems / nHigh);
    }

    @Test
    void agent4srReviewsEveryRatingAndCarriesTheTargetIntoUnrelatedOnes() {
        AttackerKnowledge k = knowledge(5);
        FakeProfile p = build(Agent4SrAttack.NAME, k, 0, 20);
        int carrying = 0;
        for (int e = 0; e < p.size(); e++) {
            String r = p.review(e);
            assertTrue(r != null && !r.isBlank());
            if (r.contains("item 5 ")) {
                carrying++;
                assertFalse(p.item(e) == 5, "the target's own review carries nothing");
            }
        }
        assertTrue(carrying > 0, "no review carried the target's features");
        // the memory mixes relevant items (near item 5, the low ids) with recent ones (the latest rounds, high ids)
        int near = 0;
        int recent = 0;
        for (int e = 0; e < p.size(); e++) {
            near += p.item(e) < 25 ? 1 : 0;
            recent += p.item(e) >= 50 ? 1 : 0;
        }
        assertTrue(near > 0 && recent > 0, "near " + near + ", recent " + recent);
    }

    @Test
    void unpopularTargetsComeFromTheLeastRatedFifth() {
        AttackerKnowledge k = knowledge();
        int[] t = AttackerKnowledge.unpopular(k.catalog(), k.stats(), 5, new SplitMix(1));
        assertEquals(5, t.length);
        for (int i : t) {
            assertTrue(i < 12, "item " + i + " is not among the 12 least rated");
        }
    }
}
