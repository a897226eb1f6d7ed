package org.receco.agents.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class WeightedDrawTest {
    @Test
    void drawsDistinctPositionsAndNeverAWeightlessOne() {
        for (long seed = 1; seed <= 200; seed++) {
            double[] w = {0.5, 0, 2, 1, 0, 3};
            int[] picks = new int[6];
            int n = WeightedDraw.withoutReplacement(w, 6, 6.5, 6, new SplitMix(seed), picks);
            assertEquals(4, n, "only four positions have weight");
            boolean[] seen = new boolean[6];
            for (int c = 0; c < n; c++) {
                assertTrue(picks[c] != 1 && picks[c] != 4, "a weightless position was drawn");
                assertTrue(!seen[picks[c]], "drawn twice: " + picks[c]);
                seen[picks[c]] = true;
            }
            for (double x : w) {
                assertEquals(0, x, "every drawn weight is removed");
            }
        }
    }

    /**
     * The first draw of {1, 2, 3, 4}: position p with probability (p + 1) / 10. Over 40,000 seeded draws the
     * standard error of a frequency is at most 0.0025, so 0.01 is four of them.
     */
    @Test
    void theFirstDrawIsProportionalToTheWeights() {
        int trials = 40_000;
        int[] first = new int[4];
        SplitMix rng = new SplitMix(7);
        for (int t = 0; t < trials; t++) {
            double[] w = {1, 2, 3, 4};
            int[] picks = new int[1];
            assertEquals(1, WeightedDraw.withoutReplacement(w, 4, 10, 1, rng, picks));
            first[picks[0]]++;
        }
        for (int p = 0; p < 4; p++) {
            assertEquals((p + 1) / 10.0, first[p] / (double) trials, 0.01, "position " + p);
        }
    }

    /**
     * The second draw is conditional on the first: after a first pick of weight 4 out of {1, 2, 3, 4}, position 0
     * comes second with probability 1/6. Tolerance: four standard errors of about 10,000 conditioned trials.
     */
    @Test
    void theSecondDrawLeavesTheFirstOut() {
        int trials = 25_000;
        int conditioned = 0;
        int zeroSecond = 0;
        SplitMix rng = new SplitMix(11);
        for (int t = 0; t < trials; t++) {
            double[] w = {1, 2, 3, 4};
            int[] picks = new int[2];
            WeightedDraw.withoutReplacement(w, 4, 10, 2, rng, picks);
            if (picks[0] == 3) {
                conditioned++;
                zeroSecond += picks[1] == 0 ? 1 : 0;
            }
        }
        double se = Math.sqrt((1 / 6.0) * (5 / 6.0) / conditioned);
        assertEquals(1 / 6.0, zeroSecond / (double) conditioned, 4 * se);
    }
}
