package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.util.Vec;

class ContentRecommenderTest {
    private static final float[] A = {1f, 0f, 0f, 0f};
    private static final float[] B = {0f, 1f, 0f, 0f};

    private Fixture fx;
    private int[] clusterA;
    private int[] clusterB;

    /** Six users, ten items around each of two orthogonal directions A and B; round 0 open. */
    private void world() {
        fx = new Fixture(4, 1);
        for (int u = 0; u < 6; u++) {
            fx.addUser(1f, 1f, 1f, 1f);
        }
        SplitMix rng = new SplitMix(17);
        clusterA = fx.addItemsNear(A, 10, 0.15, rng);
        clusterB = fx.addItemsNear(B, 10, 0.15, rng);
        fx.rebuildLive();
    }

    private ContentRecommender create(FeedbackSignal signal, double decay) {
        ContentRecommender rec = new ContentRecommender(new ContentRecommender.Params(signal, decay));
        rec.init(fx);
        rec.beginRound(0);
        return rec;
    }

    private float[] nextRound(ContentRecommender rec, int trained) {
        rec.train(trained);
        fx.openRound(trained + 1);
        rec.beginRound(trained + 1);
        return fx.scoreAll(rec);
    }

    private void assertPrefers(float[] s, int user, int[] better, int[] worse) {
        float minBetter = Float.POSITIVE_INFINITY;
        float maxWorse = Float.NEGATIVE_INFINITY;
        for (int i : better) {
            minBetter = Math.min(minBetter, fx.score(s, user, i));
        }
        for (int i : worse) {
            maxWorse = Math.max(maxWorse, fx.score(s, user, i));
        }
        assertTrue(minBetter > maxWorse, "user " + user + ": worst preferred " + minBetter + " <= best other "
                + maxWorse);
    }

    @Test
    void itemsLikeAUsersLikedItemsRankFirst() {
        world();
        ContentRecommender rec = create(FeedbackSignal.likes, 1.0);
        for (int c = 0; c < 3; c++) {
            fx.click(0, clusterA[c], true);
            fx.click(1, clusterB[c], true);
        }
        float[] s = nextRound(rec, 0);
        assertPrefers(s, 0, clusterA, clusterB);
        assertPrefers(s, 1, clusterB, clusterA);
    }

    @Test
    void theScoreIsTheCosineToTheProfileMean() {
        world();
        ContentRecommender rec = create(FeedbackSignal.likes, 1.0);
        fx.click(0, clusterA[0], true);
        fx.click(0, clusterB[0], true);
        float[] s = nextRound(rec, 0);
        float[] v = fx.catalog().vectors();
        float[] mean = new float[4];
        for (int x = 0; x < 4; x++) {
            mean[x] = (v[clusterA[0] * 4 + x] + v[clusterB[0] * 4 + x]) / 2;
        }
        for (int j = 0; j < fx.catalog().liveCount(); j++) {
            int item = fx.catalog().liveItem(j);
            assertEquals(Vec.cosine(mean, 0, v, item * 4, 4), fx.score(s, 0, item), 1e-5f);
        }
    }

    @Test
    void coldUsersGetTinyDistinctNoise() {
        world();
        ContentRecommender rec = create(FeedbackSignal.likes, 1.0);
        fx.click(2, clusterA[0], false); // a click without a like leaves user 2 cold under the likes signal
        float[] s = nextRound(rec, 0);
        int n = fx.catalog().liveCount();
        boolean allEqual = true;
        boolean sameAsOther = true;
        for (int j = 0; j < n; j++) {
            float x = s[2 * n + j];
            assertTrue(Math.abs(x) < 1e-5f, "cold score " + x);
            allEqual &= x == s[2 * n];
            sameAsOther &= x == s[3 * n + j];
        }
        assertFalse(allEqual, "a cold user's scores are all tied");
        assertFalse(sameAsOther, "two cold users got the same noise");
    }

    @Test
    void theClicksSignalLearnsFromUnlikedClicks() {
        world();
        ContentRecommender rec = create(FeedbackSignal.clicks, 1.0);
        fx.click(2, clusterA[0], false);
        fx.click(2, clusterA[1], false);
        float[] s = nextRound(rec, 0);
        assertPrefers(s, 2, clusterA, clusterB);
    }

    @Test
    void decayLetsTheProfileFollowRecentLikes() {
        for (double decay : new double[] {1.0, 0.1, 0.0}) {
            world();
            ContentRecommender rec = create(FeedbackSignal.likes, decay);
            for (int c = 0; c < 3; c++) {
                fx.click(0, clusterA[c], true);
            }
            rec.train(0);
            fx.openRound(1);
            rec.beginRound(1);
            fx.click(0, clusterB[0], true);
            float[] s = nextRound(rec, 1);
            float a = fx.score(s, 0, clusterA[5]);
            float b = fx.score(s, 0, clusterB[5]);
            if (decay == 1.0) {
                assertTrue(a > b, "plain mean: three A likes outweigh one B like");
            } else {
                assertTrue(b > a, "decay " + decay + ": the recent B like must dominate");
            }
        }
    }

    @Test
    void feedbackIsIngestedOnceAcrossRetrains() {
        world();
        ContentRecommender rec = create(FeedbackSignal.likes, 1.0);
        fx.click(0, clusterA[0], true);
        float[] once = nextRound(rec, 0);
        float[] again = nextRound(rec, 1);
        assertEquals(fx.score(once, 0, clusterB[2]), fx.score(again, 0, clusterB[2]));
        assertNotEquals(0f, fx.score(again, 0, clusterB[2]));
    }

    @Test
    void invalidParametersNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContentRecommender.Params(FeedbackSignal.likes, 1.5));
        assertTrue(e.getMessage().contains("decay"));
        e = assertThrows(IllegalArgumentException.class, () -> new ContentRecommender.Params(null, 1.0));
        assertTrue(e.getMessage().contains("signal"));
    }
}
