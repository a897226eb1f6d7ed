package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;

class OracleRecommenderTest {

    @Test
    void scoresAreTheTrueUtilityOfEachLiveItem() {
        Fixture fx = new Fixture(3, 1);
        SplitMix rng = new SplitMix(3);
        for (int u = 0; u < 11; u++) {
            fx.addUser((float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian());
        }
        fx.addItemsNear(new float[] {0f, 0f, 0f}, 10, 1.0, rng);
        fx.openRound(1);
        fx.addItemsNear(new float[] {0f, 0f, 0f}, 10, 1.0, rng);
        fx.world.items().retireCreatedBefore(1); // live ids 10..19 sit at live positions 0..9
        fx.rebuildLive();
        Recommender rec = OracleRecommender.FACTORY.create(OracleRecommender.FACTORY.defaults(), fx.world);
        rec.init(fx);
        rec.beginRound(1);
        float[] s = fx.scoreAll(rec);
        int n = fx.catalog().liveCount();
        assertEquals(10, n);
        for (int u = 0; u < 11; u++) {
            for (int j = 0; j < n; j++) {
                int item = fx.catalog().liveItem(j);
                assertEquals(fx.world.utility().utility(u, item), s[u * n + j], "user " + u + " item " + item);
            }
        }
    }

    @Test
    void itIsTheOnlyFactoryGrantedTheTruthAndRefusesToRunWithout() {
        assertTrue(OracleRecommender.FACTORY.needsGroundTruth());
        assertThrows(IllegalArgumentException.class,
                () -> OracleRecommender.FACTORY.create(OracleRecommender.FACTORY.defaults(), null));
    }
}
