package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.receco.core.spi.Recommender;

class SocialRecommenderTest {

    /**
     * Four users in 3-D: 0 and 1 share a taste, 2 has the opposite one, 3 an unrelated one. With one sixth of
     * the six pairs kept, the only friends are the pair of highest covariance, 0 and 1.
     */
    private static Fixture fourUsers() {
        Fixture fx = new Fixture(3, 1);
        fx.addUser(1f, 0f, -1f);
        fx.addUser(0.9f, 0.1f, -1f);
        fx.addUser(-1f, 0f, 1f);
        fx.addUser(0f, 1f, 0f);
        return fx;
    }

    private static SocialRecommender onePair(Fixture fx) {
        SocialRecommender rec = new SocialRecommender(new SocialRecommender.Params(1.0 / 6), fx.world);
        rec.init(fx);
        return rec;
    }

    @Test
    void friendsAreThePairsOfHighestTruePreferenceCovariance() {
        SocialRecommender rec = onePair(fourUsers());
        assertArrayEquals(new int[] {1}, rec.friends(0));
        assertArrayEquals(new int[] {0}, rec.friends(1));
        assertArrayEquals(new int[0], rec.friends(2));
        assertArrayEquals(new int[0], rec.friends(3));
        assertArrayEquals(new float[] {0f, 1f, 0f, 0f}, rec.userRepresentation(0));
    }

    /**
     * An item's score is how often the user's friends consumed it, read from the feedback log; the truth is
     * read once, at init, for the graph: changing true preferences afterwards changes no score.
     */
    @Test
    void scoresCountFriendsConsumptionAndReadTheTruthOnlyAtInit() {
        Fixture fx = fourUsers();
        int a = fx.addItem(1f, 0f, 0f);
        int b = fx.addItem(0f, 1f, 0f);
        fx.rebuildLive();
        SocialRecommender rec = onePair(fx);
        rec.beginRound(0);
        fx.click(1, a, true);
        fx.click(1, a, false);
        fx.click(2, b, true);
        fx.click(3, b, true);
        rec.train(0);
        float[] s = fx.scoreAll(rec);
        assertEquals(2f, fx.score(s, 0, a), "user 1 consumed a twice");
        assertEquals(0f, fx.score(s, 0, b), "b was consumed by strangers only");
        assertEquals(0f, fx.score(s, 1, a), "a user's own clicks do not count");
        assertEquals(0f, fx.score(s, 2, b), "user 2 has no friends");
        float[] prefs = fx.world.users().prefs();
        for (int k = 0; k < 4 * 3; k++) {
            prefs[k] = -prefs[k] + k;
        }
        assertArrayEquals(s, fx.scoreAll(rec), "scores moved with the truth after init");
    }

    @Test
    void itAsksForTheTruthAndRefusesToRunWithout() {
        Recommender viaFactory = SocialRecommender.FACTORY.create(SocialRecommender.FACTORY.defaults(),
                fourUsers().world);
        assertEquals(SocialRecommender.NAME, viaFactory.name());
        assertThrows(IllegalArgumentException.class,
                () -> SocialRecommender.FACTORY.create(SocialRecommender.FACTORY.defaults(), null));
    }

    @Test
    void anEdgeShareOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SocialRecommender.Params(1.5));
        assertThrows(IllegalArgumentException.class, () -> new SocialRecommender.Params(-0.1));
    }
}
