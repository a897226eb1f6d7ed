package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerPool;

class BprRecommenderTest {
    private static final int USERS = 40;
    private static final int ITEMS = 40;

    private static BprRecommender.Params params(int trainWindow) {
        return params(trainWindow, 1);
    }

    private static BprRecommender.Params params(int trainWindow, int strata) {
        BprRecommender.Params d = BprRecommender.FACTORY.defaults();
        return new BprRecommender.Params(d.factors(), d.learningRate(), d.regularization(), d.epochs(),
                d.negatives(), d.initStd(), trainWindow, d.positives(), strata);
    }

    /** Users and items both in two groups by parity: user {@code u} likes only items with {@code i % 2 == u % 2}. */
    private static Fixture plantedWorld(long seed) {
        Fixture fx = new Fixture(3, seed);
        for (int u = 0; u < USERS; u++) {
            fx.addUser(1f, 0f, 0f);
        }
        fx.addItemsNear(new float[3], ITEMS, 1.0, new SplitMix(1));
        fx.rebuildLive();
        return fx;
    }

    /** Plays {@code rounds} rounds in which every user likes four random items of its group; trains each. */
    private static BprRecommender playPlanted(Fixture fx, BprRecommender.Params p, int rounds) {
        BprRecommender rec = new BprRecommender(p);
        rec.init(fx);
        SplitMix rng = new SplitMix(42);
        for (int r = 0; r < rounds; r++) {
            fx.openRound(r);
            rec.beginRound(r);
            for (int u = 0; u < USERS; u++) {
                for (int c = 0; c < 4; c++) {
                    int item = 2 * rng.nextInt(ITEMS / 2) + (u % 2);
                    fx.click(u, item, true);
                    fx.click(u, 2 * rng.nextInt(ITEMS / 2) + 1 - (u % 2), false);
                }
            }
            rec.train(r);
        }
        fx.openRound(rounds);
        rec.beginRound(rounds);
        return rec;
    }

    /** Fraction of (in-group, out-of-group) item pairs user {@code u} ranks the right way round. */
    private static double auc(float[] s, int u) {
        int right = 0;
        int pairs = 0;
        for (int i = u % 2; i < ITEMS; i += 2) {
            for (int j = 1 - u % 2; j < ITEMS; j += 2) {
                pairs++;
                if (s[u * ITEMS + i] > s[u * ITEMS + j]) {
                    right++;
                }
            }
        }
        return (double) right / pairs;
    }

    @Test
    void itLearnsAPlantedTwoGroupStructure() {
        Fixture fx = plantedWorld(3);
        BprRecommender rec = playPlanted(fx, params(0), 10);
        float[] s = fx.scoreAll(rec);
        int good = 0;
        for (int u = 0; u < USERS; u++) {
            if (auc(s, u) > 0.9) {
                good++;
            }
        }
        assertTrue(good > 0.9 * USERS, good + " of " + USERS + " users rank their group's items first");
    }

    /**
     * Stratified SGD trains on the same pairs in another order, with negatives from the block's item stratum
     * (3 strata over 40 items: 13 or 14 negatives each): it must still learn the planted groups.
     */
    @Test
    void stratifiedTrainingLearnsThePlantedStructureToo() {
        Fixture fx = plantedWorld(3);
        BprRecommender rec = playPlanted(fx, params(0, 3), 10);
        float[] s = fx.scoreAll(rec);
        int good = 0;
        for (int u = 0; u < USERS; u++) {
            if (auc(s, u) > 0.9) {
                good++;
            }
        }
        assertTrue(good > 0.9 * USERS, good + " of " + USERS + " users rank their group's items first");
    }

    /** The strata, not the threads, decide the result: 1, 2 and 3 worker threads train the same factors. */
    @Test
    void stratifiedTrainingIsTheSameOnAnyNumberOfThreads() {
        Fixture serial = plantedWorld(4);
        float[] expected = serial.scoreAll(playPlanted(serial, params(0, 4), 3));
        for (int threads = 1; threads <= 3; threads++) {
            try (WorkerPool workers = new WorkerPool(threads)) {
                Fixture fx = plantedWorld(4).withWorkers(workers);
                assertArrayEquals(expected, fx.scoreAll(playPlanted(fx, params(0, 4), 3)), threads + " threads");
            }
        }
        Fixture lone = plantedWorld(4);
        assertFalse(Arrays.equals(expected, lone.scoreAll(playPlanted(lone, params(0, 1), 3))),
                "strata = 4 trained exactly like serial LearnBPR: the strata are ignored");
    }

    @Test
    void untrainedFactorsKnowNothing() {
        Fixture fx = plantedWorld(3);
        BprRecommender rec = new BprRecommender(params(0));
        rec.init(fx);
        rec.beginRound(0);
        float[] s = fx.scoreAll(rec);
        double mean = 0;
        for (int u = 0; u < USERS; u++) {
            mean += auc(s, u) / USERS;
        }
        assertTrue(Math.abs(mean - 0.5) < 0.15, "mean AUC before training " + mean);
    }

    @Test
    void twoRunsWithTheSameSeedAreIdentical() {
        Fixture a = plantedWorld(5);
        Fixture b = plantedWorld(5);
        float[] sa = a.scoreAll(playPlanted(a, params(0), 3));
        float[] sb = b.scoreAll(playPlanted(b, params(0), 3));
        assertArrayEquals(sa, sb);
        Fixture c = plantedWorld(6);
        assertFalse(Arrays.equals(sa, c.scoreAll(playPlanted(c, params(0), 3))), "the seed is ignored");
    }

    @Test
    void theTrainingWindowLeavesOutOlderPositives() {
        Fixture windowed = plantedWorld(7);
        BprRecommender w = playPlanted(windowed, params(1), 2);
        Fixture full = plantedWorld(7);
        BprRecommender f = playPlanted(full, params(0), 2);
        float[] wBefore = windowed.scoreAll(w);
        float[] fBefore = full.scoreAll(f);
        // Round 2 has no feedback: a one-round window has nothing to train on, all history still has.
        w.train(2);
        f.train(2);
        w.beginRound(3);
        f.beginRound(3);
        assertArrayEquals(wBefore, windowed.scoreAll(w));
        assertFalse(Arrays.equals(fBefore, full.scoreAll(f)));
    }

    @Test
    void usersAndItemsThatAppearLaterAreScored() {
        Fixture fx = plantedWorld(8);
        BprRecommender rec = playPlanted(fx, params(0), 2);
        int u = fx.addUser(0f, 1f, 0f);
        fx.addItem(1f, 1f, 1f);
        fx.rebuildLive();
        rec.beginRound(2);
        float[] s = fx.scoreAll(rec);
        int n = fx.catalog().liveCount();
        assertTrue(n == ITEMS + 1);
        for (int j = 0; j < n; j++) {
            assertTrue(Float.isFinite(s[u * n + j]));
        }
        assertTrue(s[u * n] != 0f || s[u * n + 1] != 0f, "a new user's factors were not initialised");
    }

    /**
     * One user, two live items, one liked: every SGD step must be Rendle's LearnBPR update on the triple
     * (user 0, item 0, item 1), so training equals {@code c >= 1} such steps computed here by hand.
     */
    @Test
    void eachStepIsTheLearnBprUpdate() {
        int k = 3;
        double lr = 0.1;
        double reg = 0.05;
        Fixture fx = new Fixture(2, 9);
        fx.addUser(1f, 0f);
        fx.addItem(1f, 0f);
        fx.addItem(0f, 1f);
        fx.rebuildLive();
        BprRecommender rec = new BprRecommender(
                new BprRecommender.Params(k, lr, reg, 1, 8, 0.5, 0, FeedbackSignal.likes, 1));
        rec.init(fx);
        rec.beginRound(0);
        double[] p = new double[k];
        double[] qi = new double[k];
        double[] qj = new double[k];
        for (int f = 0; f < k; f++) {
            p[f] = rec.userFactor(0, f);
            qi[f] = rec.itemFactor(0, f);
            qj[f] = rec.itemFactor(1, f);
        }
        fx.click(0, 0, true);
        rec.train(0);
        boolean matched = false;
        for (int c = 1; c <= 8 && !matched; c++) {
            double x = 0;
            for (int f = 0; f < k; f++) {
                x += p[f] * (qi[f] - qj[f]);
            }
            double g = 1 / (1 + Math.exp(x));
            for (int f = 0; f < k; f++) {
                double pu = p[f];
                p[f] += lr * (g * (qi[f] - qj[f]) - reg * pu);
                qi[f] += lr * (g * pu - reg * qi[f]);
                qj[f] += lr * (-g * pu - reg * qj[f]);
            }
            boolean same = true;
            for (int f = 0; f < k; f++) {
                same &= Math.abs(p[f] - rec.userFactor(0, f)) < 1e-5
                        && Math.abs(qi[f] - rec.itemFactor(0, f)) < 1e-5
                        && Math.abs(qj[f] - rec.itemFactor(1, f)) < 1e-5;
            }
            matched = same;
        }
        assertTrue(matched, "the trained factors are not a sequence of LearnBPR steps");
    }

    @Test
    void theTabulatedSigmoidMatchesTheExactOne() {
        for (double x = -40; x <= 40; x += 0.0137) {
            double exact = 1 / (1 + Math.exp(x));
            assertEquals(exact, BprRecommender.sigmoidOfNegative((float) x), 2e-6, "x = " + x);
        }
    }

    @Test
    void invalidParametersNameTheField() {
        BprRecommender.Params d = BprRecommender.FACTORY.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(0, 0.05, 0.01, 5, 1, 0.1, 0, FeedbackSignal.likes, 1));
        assertTrue(e.getMessage().contains("factors"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(32, 0.0, 0.01, 5, 1, 0.1, 0, FeedbackSignal.likes, 1));
        assertTrue(e.getMessage().contains("learningRate"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(32, 0.05, 0.01, 5, 0, 0.1, 0, FeedbackSignal.likes, 1));
        assertTrue(e.getMessage().contains("negatives"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(32, 0.05, 0.01, 5, 1, 0.1, -2, FeedbackSignal.likes, 1));
        assertTrue(e.getMessage().contains("trainWindow"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(32, 0.05, 0.01, 5, 1, 0.1, 0, null, 1));
        assertTrue(e.getMessage().contains("positives"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new BprRecommender.Params(32, 0.05, 0.01, 5, 1, 0.1, 0, FeedbackSignal.likes, 0));
        assertTrue(e.getMessage().contains("strata"));
        assertTrue(d.factors() == 32 && d.epochs() == 10 && d.negatives() == 1 && d.trainWindow() == 5);
    }
}
