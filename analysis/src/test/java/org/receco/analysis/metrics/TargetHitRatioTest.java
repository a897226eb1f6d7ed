package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.world.Attacks;

/** Target HR@k, NDCG@k and exposure share on hand-made rounds; consumed users leave the denominator. */
class TargetHitRatioTest {
    /** Round r: 4 genuine users; user 0 shows the target (item 9) at rank 1, user 1 at rank 3, user 2 at rank 12. */
    private static void fill(RoundData d, int r, boolean user0Clicks) {
        d.beginRound(r, 4);
        for (int i = 0; i < 20; i++) {
            d.setItem(i, 0, 0, 0, 1f);
        }
        d.setLiveRange(0, 20);
        d.setPopulation(0, "users");
        for (int u = 0; u < 4; u++) {
            d.setUser(u, 0, 0, false);
        }
        if (r == 0) {
            d.addAttack(new Attacks.Attack("a", 1, "random", 0, 3, new int[] {9}, true));
        }
        int[][] slates = {{9, 1, 2}, {1, 2, 9}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9}, {1}};
        for (int u = 0; u < 4; u++) {
            for (int item : slates[u]) {
                d.addImpression(u, item, (byte) 1);
            }
            if (u == 0 && user0Clicks) {
                d.addClick(0, 9, 0, true, 1f);
            }
        }
        d.provide(Need.SLATES);
        d.provide(Need.CLICKS);
        d.derive();
    }

    @Test
    void hitsWithinKAmongUsersWhoHaveNotConsumedTheTarget() {
        RoundData d = new RoundData(1);
        TargetHitRatio hr = new TargetHitRatio(10);
        TargetNdcg ndcg = new TargetNdcg(10);
        fill(d, 0, true);
        assertEquals(2 / 4.0, hr.compute(d));
        assertEquals((1.0 + 1 / (Math.log(4) / Math.log(2))) / 4, ndcg.compute(d), 1e-12);
        assertEquals(3 / 19.0, new TargetExposureShare().compute(d), 1e-12);
        fill(d, 1, false); // user 0 consumed the target in round 0: 3 eligible users, one hit (user 1)
        assertEquals(1 / 3.0, hr.compute(d), 1e-12);
        assertEquals(1 / (Math.log(4) / Math.log(2)) / 3, ndcg.compute(d), 1e-12);
    }
}
