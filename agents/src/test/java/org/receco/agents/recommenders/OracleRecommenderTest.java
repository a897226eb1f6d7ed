package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.receco.agents.Components;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderFactory;

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

    /**
     * Truth and belief are different types: a recommender sees a {@code RecommenderContext}, which holds no
     * preferences. Two registered factories are handed the {@code GroundTruth} as well, each for a stated
     * reason: {@code oracle} (alias {@code ideal}) because ranking by true utility is what it is, the upper
     * bound of Chaney et al.; {@code social} only to build, once at init, the friendship graph Chaney et al.
     * derive from true preferences (its scores come from the feedback log; {@link SocialRecommenderTest}).
     * A new recommender asking for the truth fails here until it is added with its reason.
     */
    @Test
    void theTruthGoesToTheOracleAndToSocialFilteringsGraphOnly() {
        Set<String> granted = new TreeSet<>();
        for (RecommenderFactory<?> f : Components.RECOMMENDERS.entries().values()) {
            if (f.needsGroundTruth()) {
                granted.add(f.name());
            }
        }
        assertEquals(Set.of(OracleRecommender.NAME, SocialRecommender.NAME), granted);
    }

    @Test
    void itRefusesToRunWithoutTheTruth() {
        assertTrue(OracleRecommender.FACTORY.needsGroundTruth());
        assertThrows(IllegalArgumentException.class,
                () -> OracleRecommender.FACTORY.create(OracleRecommender.FACTORY.defaults(), null));
    }
}
