package org.receco.agents.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.agents.Normal;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.util.Vec;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class NewsAuthorModelTest {

    private static World world() {
        World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 1, 2, 16);
        w.authors().add(new float[] {1, 0}, 0, 0, 0);
        w.authors().add(new float[] {0, 1}, 0, 1, 0);
        return w;
    }

    @Test
    void publishesNearTheAuthorAndQualityFollowsRecentLikes() {
        World w = world();
        NewsAuthorModel m = new NewsAuthorModel(new NewsAuthorParams(3, new Normal(0.5, 0, 0, 1), 0.1, 2));
        m.init(w);
        m.onAuthorsAdded(0, 2, new SplitMix(1));
        SplitMix rng = new SplitMix(2);
        m.publish(0, 0, rng);
        m.publish(1, 0, rng);
        assertEquals(6, w.items().count());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, w.items().author(i));
            assertTrue(Vec.cosine(w.items().vectors(), i * 2, w.authors().vectors(), 0, 2) > 0.9);
            assertEquals(0f, w.items().quality(i), "no likes yet: quality ln(1 + 0) = 0");
        }
        // Round 0: two users like author 0's first item, nobody likes author 1.
        RoundState s = new RoundState(1, 1);
        s.begin(0, 2);
        for (int u = 0; u < 2; u++) {
            s.slates()[u] = 0;
            s.setSlateLength(u, 1);
            s.addClick(u, 0, true, 1f);
        }
        m.afterRound(s);
        assertEquals(2, m.recentLikes(0));
        m.publish(0, 1, rng);
        m.publish(1, 1, rng);
        assertEquals((float) Math.log(3), w.items().quality(6), 1e-6);
        assertEquals(0f, w.items().quality(9));
        // recentRounds = 2: the likes of round 0 are forgotten once rounds 1 and 2 have opened.
        s.begin(1, 0);
        m.afterRound(s);
        m.publish(0, 2, rng);
        assertEquals(0, m.recentLikes(0));
    }

    @Test
    void writesNearItsMostLikedRecentItem() {
        World w = world();
        NewsAuthorModel m = new NewsAuthorModel(new NewsAuthorParams(2, new Normal(1.0, 0, 0, 1), 0.01, 5));
        m.init(w);
        m.onAuthorsAdded(0, 2, new SplitMix(1));
        m.publish(0, 0, new SplitMix(5));
        float[] v = w.items().vectors(); // place the two first items far apart
        v[0] = 5;
        v[1] = 0;
        v[2] = -5;
        v[3] = 0;
        w.stats().ensure(w.items().count());
        for (int k = 0; k < 20; k++) {
            w.stats().click(1, true); // item 1 is far more liked than item 0
        }
        m.publish(0, 1, new SplitMix(6));
        for (int i = 2; i < 4; i++) {
            float toLiked = Vec.squaredDistance(w.items().vectors(), i * 2, w.items().vectors(), 2, 2);
            float toOther = Vec.squaredDistance(w.items().vectors(), i * 2, w.items().vectors(), 0, 2);
            assertTrue(toLiked <= toOther, "new item " + i + " should be drawn around the liked item");
        }
    }
}
