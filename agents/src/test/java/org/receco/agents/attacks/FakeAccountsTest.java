package org.receco.agents.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class FakeAccountsTest {
    @Test
    void accountsPlayTheirProfilesOverTheWindowOnlyTargetsWithinReach() {
        AttackerKnowledge k = AttackStrategiesTest.knowledge(7, 8);
        World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 1, 1, 1);
        // the items of the knowledge live in another world; this one needs the same live ids
        for (int i = 0; i < AttackStrategiesTest.ITEMS; i++) {
            w.items().add(new float[] {1, 0}, 0, 0, 0, 0f, 0);
        }
        w.items().rebuildLive();
        FakeAccounts m = new FakeAccounts(new BandwagonAttack(), k, 3, 5, 4, 2, 20);
        m.init(w);
        m.onUsersAdded(10, 13, new SplitMix(5));
        assertEquals(3, m.accounts());
        for (int a = 0; a < 3; a++) {
            assertEquals(2 + 2 + 20, m.profileLength(a));
            for (int e = 0; e < m.profileLength(a); e++) {
                if (m.profileItem(a, e) == 7 || m.profileItem(a, e) == 8) {
                    assertTrue(e < 8, "target at entry " + e + " lies beyond the 8 ratings the window allows");
                }
            }
        }
        RoundState s = new RoundState(10, 4);
        int rated = 0;
        for (int r = 0; r < 8; r++) {
            s.begin(r, 13);
            m.choose(11, s, new SplitMix(r), new WorkerScratch(0));
            int c = s.clickCount(11);
            assertEquals(r >= 3 && r < 5 ? 4 : 0, c, "round " + r);
            for (int x = 0; x < c; x++) {
                assertEquals(m.profileItem(1, rated), s.clickItem(11, x));
                assertEquals(m.profileRating(1, rated), s.clickRating(11, x));
                rated++;
            }
        }
        assertEquals(8, rated);
        assertThrows(IllegalStateException.class, () -> m.onUsersAdded(13, 14, new SplitMix(1)));
    }

    @Test
    void orderingPlacesTargetsAndSelectedItemsWithinTheWindowAndKeepsEveryEntry() {
        for (long seed = 1; seed <= 50; seed++) {
            FakeProfile p = new FakeProfile();
            p.add(100, 5, FakeProfile.TARGET);
            p.add(101, 5, FakeProfile.TARGET);
            for (int s = 0; s < 3; s++) {
                p.add(200 + s, 5, FakeProfile.SELECTED);
            }
            for (int f = 0; f < 40; f++) {
                p.add(300 + f, 3, FakeProfile.FILLER);
            }
            FakeAccounts.order(p, 8, new SplitMix(seed));
            assertEquals(45, p.size());
            int structure = 0;
            long ids = 0;
            for (int e = 0; e < p.size(); e++) {
                ids += p.item(e);
                if (p.role(e) != FakeProfile.FILLER) {
                    assertTrue(e < 8, "seed " + seed + ": " + (p.role(e) == FakeProfile.TARGET ? "target" : "selected")
                            + " item " + p.item(e) + " at entry " + e + ", beyond the 8 the window plays");
                    structure++;
                }
            }
            assertEquals(5, structure);
            assertEquals(100 + 101 + 200 + 201 + 202 + 40 * 300 + 39 * 40 / 2, ids, "every entry kept once");
        }
    }
}
