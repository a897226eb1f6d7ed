package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PopularRecommenderTest {

    /** Three users and three items: a, b, c. */
    private static Fixture world() {
        Fixture fx = new Fixture(2, 1);
        for (int u = 0; u < 3; u++) {
            fx.addUser(1f, 0f);
        }
        fx.addItem(1f, 0f);
        fx.addItem(0f, 1f);
        fx.addItem(1f, 1f);
        fx.rebuildLive();
        return fx;
    }

    private static PopularRecommender create(Fixture fx, FeedbackSignal signal, int window) {
        PopularRecommender rec = new PopularRecommender(new PopularRecommender.Params(signal, window));
        rec.init(fx);
        return rec;
    }

    @Test
    void aMoreLikedItemRanksAboveALessLikedOneForEveryUser() {
        Fixture fx = world();
        PopularRecommender rec = create(fx, FeedbackSignal.likes, 5);
        rec.beginRound(0);
        fx.click(0, 2, true);
        fx.click(1, 2, true);
        fx.click(2, 1, true);
        fx.click(0, 0, false);
        rec.train(0);
        fx.openRound(1);
        rec.beginRound(1);
        float[] s = fx.scoreAll(rec);
        for (int u = 0; u < 3; u++) {
            assertEquals(2f, fx.score(s, u, 2));
            assertEquals(1f, fx.score(s, u, 1));
            assertEquals(0f, fx.score(s, u, 0), "an unliked click must not count as a like");
        }
    }

    @Test
    void clicksSignalCountsUnlikedClicks() {
        Fixture fx = world();
        PopularRecommender rec = create(fx, FeedbackSignal.clicks, 5);
        rec.beginRound(0);
        fx.click(0, 0, false);
        fx.click(1, 0, false);
        fx.click(2, 1, true);
        rec.train(0);
        fx.openRound(1);
        rec.beginRound(1);
        float[] s = fx.scoreAll(rec);
        assertTrue(fx.score(s, 0, 0) > fx.score(s, 0, 1));
        assertEquals(2f, fx.score(s, 2, 0));
    }

    @Test
    void likesOutsideTheWindowAreForgotten() {
        Fixture fx = world();
        PopularRecommender rec = create(fx, FeedbackSignal.likes, 2);
        rec.beginRound(0);
        fx.click(0, 0, true);
        fx.click(1, 0, true);
        fx.click(2, 0, true);
        rec.train(0);
        for (int r = 1; r <= 3; r++) {
            fx.openRound(r);
            rec.beginRound(r);
            float[] s = fx.scoreAll(rec);
            float expectedA = r <= 2 ? 3f : 0f; // round 0 is counted while scoring rounds 1 and 2 only
            assertEquals(expectedA, fx.score(s, 0, 0), "item a in round " + r);
            assertEquals(r <= 2 ? 0f : 1f, fx.score(s, 0, 1), "item b in round " + r);
            if (r == 2) {
                fx.click(0, 1, true);
            }
            rec.train(r);
        }
        assertEquals(0, rec.count(0));
    }

    @Test
    void windowZeroKeepsAllHistory() {
        Fixture fx = world();
        PopularRecommender rec = create(fx, FeedbackSignal.likes, 0);
        rec.beginRound(0);
        fx.click(0, 0, true);
        rec.train(0);
        for (int r = 1; r <= 20; r++) {
            fx.openRound(r);
            rec.beginRound(r);
            rec.train(r);
        }
        fx.openRound(21);
        rec.beginRound(21);
        assertEquals(1f, fx.score(fx.scoreAll(rec), 1, 0));
    }

    @Test
    void catchingUpAfterAMidRunSwitchCountsOnlyTheWindow() {
        Fixture fx = world();
        for (int r = 0; r < 6; r++) {
            fx.openRound(r);
            fx.click(r % 3, r < 3 ? 0 : 1, true);
        }
        PopularRecommender rec = create(fx, FeedbackSignal.likes, 3);
        rec.train(5);
        fx.openRound(6);
        rec.beginRound(6);
        float[] s = fx.scoreAll(rec);
        assertEquals(0f, fx.score(s, 0, 0));
        assertEquals(3f, fx.score(s, 0, 1));
    }

    @Test
    void invalidParametersNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PopularRecommender.Params(FeedbackSignal.likes, -1));
        assertTrue(e.getMessage().contains("window"));
        e = assertThrows(IllegalArgumentException.class, () -> new PopularRecommender.Params(null, 5));
        assertTrue(e.getMessage().contains("signal"));
    }
}
