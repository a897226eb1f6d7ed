package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;

class RandomRecommenderTest {
    private static final int USERS = 10;
    private static final int ITEMS = 200;

    private static Fixture world(long seed) {
        Fixture fx = new Fixture(3, seed);
        for (int u = 0; u < USERS; u++) {
            fx.addUser(1f, 0f, 0f);
        }
        fx.addItemsNear(new float[] {0f, 0f, 0f}, ITEMS, 1.0, new SplitMix(5));
        fx.rebuildLive();
        return fx;
    }

    private static float[] scores(Fixture fx, int round) {
        Recommender rec = RandomRecommender.FACTORY.create(RandomRecommender.FACTORY.defaults(), null);
        rec.init(fx);
        rec.beginRound(round);
        return fx.scoreAll(rec);
    }

    @Test
    void scoresAreUniformInTheUnitInterval() {
        float[] s = scores(world(1), 0);
        double sum = 0;
        for (float x : s) {
            assertTrue(x >= 0f && x < 1f, "score " + x);
            sum += x;
        }
        double mean = sum / s.length;
        assertTrue(Math.abs(mean - 0.5) < 0.05, "mean " + mean);
    }

    @Test
    void theSameSeedAndRoundGiveTheSameScores() {
        assertArrayEquals(scores(world(7), 3), scores(world(7), 3));
    }

    @Test
    void scoresDifferAcrossUsersRoundsAndSeeds() {
        float[] s = scores(world(7), 3);
        float[] user0 = Arrays.copyOfRange(s, 0, ITEMS);
        float[] user1 = Arrays.copyOfRange(s, ITEMS, 2 * ITEMS);
        assertFalse(Arrays.equals(user0, user1), "two users got the same ranking");
        assertFalse(Arrays.equals(s, scores(world(7), 4)), "two rounds gave the same scores");
        assertFalse(Arrays.equals(s, scores(world(8), 3)), "two seeds gave the same scores");
    }
}
