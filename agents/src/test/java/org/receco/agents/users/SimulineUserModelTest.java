package org.receco.agents.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.agents.Normal;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.util.Vec;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class SimulineUserModelTest {

    private static SimulineUserParams params(int clicks, double threshold, double wq, double conc) {
        return new SimulineUserParams(clicks, new Normal(threshold, 0, 0, 1), new Normal(wq, 0, 0, 1),
                new Normal(conc, 0, 0, 1), 0.1, Math.log(5e4 + 1));
    }

    /** One user at (1, 0) and five items at angles whose cosines with it are 1, 0.5, 0, -0.5, -1. */
    private static World world() {
        World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 1, 1, 8);
        w.users().add(new float[] {1, 0}, 0, 0, 0, 0);
        double[] cos = {1, 0.5, 0, -0.5, -1};
        for (double c : cos) {
            float[] v = {(float) c, (float) Math.sqrt(1 - c * c)};
            w.items().add(v, 0, 0, 0, 0f, 0);
        }
        w.items().rebuildLive();
        return w;
    }

    private static RoundState slateOfAllItems(World w) {
        RoundState s = new RoundState(5, 5);
        s.begin(0, 1);
        for (int p = 0; p < 5; p++) {
            s.slates()[p] = p;
        }
        s.setSlateLength(0, 5);
        return s;
    }

    @Test
    void higherCosineItemsAreClickedMoreOftenAtSimulinesConcentration() {
        World w = world();
        SimulineUserModel m = new SimulineUserModel(params(1, 0.3, 0.5, 0.5));
        m.init(w);
        m.onUsersAdded(0, 1, new SplitMix(1));
        int[] counts = new int[5];
        WorkerScratch scratch = new WorkerScratch(0);
        SplitMix rng = new SplitMix(0);
        int draws = 50_000;
        for (int t = 0; t < draws; t++) {
            RoundState s = slateOfAllItems(w);
            rng.reseed(t);
            m.choose(0, s, rng, scratch);
            assertEquals(1, s.clickCount(0));
            counts[s.clickPosition(0, 0)]++;
        }
        // softmax(0.5 cos) gives p = .31, .24, .19, .15, .12: adjacent gaps >= .03, i.e. > 10 standard errors.
        for (int p = 0; p + 1 < 5; p++) {
            assertTrue(counts[p] > counts[p + 1], "position " + p + " clicked " + counts[p] + " times, next "
                    + counts[p + 1]);
        }
        double expected0 = Math.exp(0.5) / (Math.exp(0.5) + Math.exp(0.25) + 1 + Math.exp(-0.25) + Math.exp(-0.5));
        assertEquals(expected0, counts[0] / (double) draws, 0.01);
    }

    @Test
    void clicksAreDrawnWithoutReplacementAndLikesFollowTheThreshold() {
        World w = world();
        SimulineUserModel m = new SimulineUserModel(params(5, 0.2, 0.0, 0.5)); // w_q = 0: like iff cos > 0.2
        m.init(w);
        m.onUsersAdded(0, 1, new SplitMix(1));
        RoundState s = slateOfAllItems(w);
        m.choose(0, s, new SplitMix(3), new WorkerScratch(0));
        assertEquals(5, s.clickCount(0));
        boolean[] seen = new boolean[5];
        for (int c = 0; c < 5; c++) {
            int pos = s.clickPosition(0, c);
            assertTrue(!seen[pos], "position clicked twice");
            seen[pos] = true;
            float cos = Vec.cosine(w.users().prefs(), 0, w.items().vectors(), s.clickItem(0, c) * 2, 2);
            assertEquals(cos > 0.2f, s.clickLiked(0, c), "like rule at cosine " + cos);
            assertEquals(cos, s.clickUtility(0, c), 1e-5);
        }
    }

    @Test
    void interestMovesTowardLikedItemsAndAwayFromDislikedOnes() {
        for (boolean liked : new boolean[] {true, false}) {
            World w = new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 1, 1, 2);
            w.users().add(new float[] {1, 0}, 0, 0, 0, 0);
            w.items().add(new float[] {0.6f, 0.8f}, 0, 0, 0, 0f, 0);
            w.items().rebuildLive();
            SimulineUserModel m = new SimulineUserModel(params(1, 0.3, 0.5, 0.5));
            m.init(w);
            m.onUsersAdded(0, 1, new SplitMix(1));
            RoundState s = new RoundState(1, 1);
            s.begin(0, 1);
            s.slates()[0] = 0;
            s.setSlateLength(0, 1);
            s.addClick(0, 0, liked, 0.8f);
            float before = Vec.cosine(w.users().prefs(), 0, w.items().vectors(), 0, 2);
            m.updateInterest(0, s, new WorkerScratch(0));
            float after = Vec.cosine(w.users().prefs(), 0, w.items().vectors(), 0, 2);
            if (liked) {
                assertTrue(after > before, "liked: cosine " + before + " -> " + after);
            } else {
                assertTrue(after < before, "disliked: cosine " + before + " -> " + after);
            }
            assertEquals(1.0, Vec.norm(w.users().prefs(), 0, 2), 1e-5, "interest shift keeps the vector's length");
        }
    }

    @Test
    void perUserParametersAreDrawnFromTheClippedNormals() {
        World w = world();
        SimulineUserParams p = SimulineUserParams.defaults();
        SimulineUserModel m = new SimulineUserModel(p);
        m.init(w);
        int n = 20_000;
        m.onUsersAdded(0, n, new SplitMix(9));
        double sum = 0;
        for (int u = 0; u < n; u++) {
            assertTrue(m.threshold(u) >= 0 && m.threshold(u) <= 1);
            sum += m.threshold(u);
        }
        assertEquals(0.3, sum / n, 0.005); // sd 0.1 / sqrt(20000) = 0.0007; clipping at 0 shifts it < 0.001
    }

    @Test
    void blockedUtilityAgreesWithThePairwiseDefinition() {
        World w = world();
        w.items().setQuality(2, 4.0f);
        w.users().add(new float[] {0.3f, -2f}, 0, 0, 0, 0);
        w.users().add(new float[] {0f, 0f}, 0, 0, 0, 0); // a zero vector has cosine 0 with everything
        SimulineUserModel m = new SimulineUserModel(SimulineUserParams.defaults());
        m.init(w);
        m.onUsersAdded(0, 3, new SplitMix(4));
        int n = w.items().liveCount();
        float[] out = new float[2 + 3 * 7];
        m.utilityOfLive(0, 3, w.items(), out, 2, 7, new WorkerScratch(0));
        for (int u = 0; u < 3; u++) {
            for (int j = 0; j < n; j++) {
                assertEquals(m.utility(u, w.items().liveItem(j)), out[2 + u * 7 + j], 1e-5, "user " + u + " item " + j);
            }
        }
    }
}
