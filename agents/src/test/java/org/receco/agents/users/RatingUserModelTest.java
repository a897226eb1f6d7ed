package org.receco.agents.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class RatingUserModelTest {
    /** One user at (1, 0) and items whose cosines with it are 1, 0.8, 0.5, 0.2, 0. */
    private static World world(int users) {
        World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), users, 1, 8);
        for (int u = 0; u < users; u++) {
            w.users().add(new float[] {1, 0}, 0, 0, 0, 0);
        }
        for (double c : new double[] {1, 0.8, 0.5, 0.2, 0}) {
            w.items().add(new float[] {(float) c, (float) Math.sqrt(1 - c * c)}, 0, 0, 0, 0f, 0);
        }
        w.items().rebuildLive();
        return w;
    }

    private static RatingUserParams params(double biasSd, double noiseSd, int clicks, double reviews) {
        return new RatingUserParams(0, 0, 1, 0, 0, clicks, 0.0, 1.0, biasSd, noiseSd, 4, reviews);
    }

    @Test
    void starsFollowTheMatchOnTheScaleAndAreClamped() {
        assertEquals(5, RatingUserModel.stars(1.0, 0, 1, 0, 0));
        assertEquals(3, RatingUserModel.stars(0.5, 0, 1, 0, 0));
        assertEquals(1, RatingUserModel.stars(-1.0, 0, 1, 0, 0));
        assertEquals(5, RatingUserModel.stars(0.9, 0, 1, 2.0, 0));
        assertEquals(2, RatingUserModel.stars(0.5, 0, 1, -1.0, 0));
    }

    @Test
    void withoutNoiseEveryPickIsRatedByItsMatchAndLikedFromFourStars() {
        World w = world(1);
        RatingUserModel m = new RatingUserModel(params(0, 0, 5, 0));
        m.init(w);
        m.onUsersAdded(0, 1, new SplitMix(1));
        RoundState s = new RoundState(5, 5);
        s.begin(0, 1);
        for (int p = 0; p < 5; p++) {
            s.slates()[p] = p;
        }
        s.setSlateLength(0, 5);
        m.choose(0, s, new SplitMix(2), new WorkerScratch(0));
        assertEquals(5, s.clickCount(0));
        int[] expected = {5, 4, 3, 2, 1}; // 1 + 4 * cos, rounded
        for (int c = 0; c < 5; c++) {
            int item = s.clickItem(0, c);
            assertEquals(expected[item], s.clickRating(0, c), "item " + item);
            assertEquals(expected[item] >= 4, s.clickLiked(0, c));
        }
        assertTrue(m.rates());
        assertTrue(!m.writesReviews());
    }

    @Test
    void biasIsDrawnPerUserAndReviewsAgreeWithTheStars() {
        int n = 2000;
        World w = world(n);
        RatingUserModel m = new RatingUserModel(params(0.5, 0, 1, 1.0));
        m.init(w);
        m.onUsersAdded(0, n, new SplitMix(3));
        double sum = 0;
        double ss = 0;
        for (int u = 0; u < n; u++) {
            sum += m.bias(u);
            ss += m.bias(u) * m.bias(u);
        }
        double sd = Math.sqrt(ss / n - (sum / n) * (sum / n));
        // sd of 2,000 draws of N(0, 0.5): within 0.5 +- 0.05 (more than 4 standard errors of 0.008)
        assertEquals(0.5, sd, 0.05);
        assertTrue(m.writesReviews());
        RoundState s = new RoundState(5, 1);
        s.begin(0, 1);
        s.slates()[0] = 0;
        s.setSlateLength(0, 1);
        m.choose(0, s, new SplitMix(4), new WorkerScratch(0));
        String review = s.clickReview(0, 0);
        assertTrue(review != null && review.contains("topic 0"), review);
    }

    @Test
    void refusesAnEmptyScale() {
        assertThrows(IllegalArgumentException.class,
                () -> new RatingUserParams(0, 0, 1, 0, 0, 1, 0.5, 0.5, 0, 0, 4, 0));
    }
}
