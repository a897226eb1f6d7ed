package org.receco.core.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.config.ExploreSpec;
import org.receco.core.rng.SplitMix;

class SlateExplorationTest {
    @Test
    void interleaveMarksExactlyTheRequestedDistinctPlaces() {
        SlateExploration e = SlateExploration.of(new ExploreSpec(ExploreSpec.Policy.interleave, 3, 0));
        SplitMix rng = new SplitMix(1);
        int[] marks = new int[10];
        for (int stamp = 1; stamp < 200; stamp++) {
            assertEquals(3, e.choose(10, rng, marks, stamp));
            int n = 0;
            for (int m : marks) {
                n += m == stamp ? 1 : 0;
            }
            assertEquals(3, n);
        }
        assertEquals(2, e.choose(2, rng, new int[2], 1));
    }

    @Test
    void epsilonGreedyMarksAboutEpsilonOfThePlaces() {
        SlateExploration e = SlateExploration.of(new ExploreSpec(ExploreSpec.Policy.epsilon, 0, 0.3));
        SplitMix rng = new SplitMix(2);
        int total = 0;
        for (int stamp = 1; stamp <= 1000; stamp++) {
            total += e.choose(10, rng, new int[10], stamp);
        }
        assertTrue(Math.abs(total / 10000.0 - 0.3) < 0.02, "share " + total / 10000.0);
        assertEquals(0, SlateExploration.NONE.choose(10, rng, new int[10], 1));
    }
}
