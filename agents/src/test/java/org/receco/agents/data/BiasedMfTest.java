package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BiasedMfTest {
    private static final MfParams PARAMS = new MfParams(4, 15, 0.05, 7);

    private static RatingsFit fit(LowRankRatings r, MfParams p) {
        return BiasedMf.fit(r.users(), r.items(), r.user(), r.item(), r.rating(), p);
    }

    @Test
    void beatsTheGlobalMeanOnHeldOutRatingsOfALowRankMatrix() {
        LowRankRatings all = LowRankRatings.draw(150, 120, 3, 0.3, 0.2, 11);
        LowRankRatings train = all.split(5, 0, false);
        LowRankRatings test = all.split(5, 0, true);
        RatingsFit f = fit(train, PARAMS);
        double mean = 0;
        for (float r : train.rating()) {
            mean += r;
        }
        mean /= train.rating().length;
        assertEquals(mean, f.globalMean(), 1e-9);
        double se = 0;
        double base = 0;
        for (int k = 0; k < test.user().length; k++) {
            double e = test.rating()[k] - f.predict(test.user()[k], test.item()[k]);
            se += e * e;
            base += (test.rating()[k] - mean) * (test.rating()[k] - mean);
        }
        double rmse = Math.sqrt(se / test.user().length);
        double baseline = Math.sqrt(base / test.user().length);
        // The matrix is rank 3 plus noise of 0.2 and half-star rounding: a working fit recovers most of the signal.
        assertTrue(rmse < 0.6 * baseline, "held-out RMSE " + rmse + " against the global mean's " + baseline);
        assertTrue(f.rmse() < f.baselineRmse() * 0.6, "training RMSE " + f.rmse() + " vs " + f.baselineRmse());
        assertTrue(f.rmse() <= rmse, "training error below held-out error");
    }

    @Test
    void theFitIsDeterministicAndItsRmseIsItsOwn() {
        LowRankRatings r = LowRankRatings.draw(60, 50, 2, 0.4, 0.3, 3);
        RatingsFit a = fit(r, PARAMS);
        RatingsFit b = fit(r, PARAMS);
        assertArrayEquals(a.userFactors(), b.userFactors());
        assertArrayEquals(a.itemFactors(), b.itemFactors());
        assertArrayEquals(a.itemBias(), b.itemBias());
        double se = 0;
        for (int k = 0; k < r.user().length; k++) {
            double e = r.rating()[k] - a.predict(r.user()[k], r.item()[k]);
            se += e * e;
        }
        assertEquals(Math.sqrt(se / r.user().length), a.rmse(), 1e-9);
        assertEquals(4, a.factors());
        assertEquals(60, a.users());
        assertEquals(50, a.items());
    }

    @Test
    void moreSweepsFitTighterAndUnratedRowsStayAtThePrior() {
        LowRankRatings r = LowRankRatings.draw(80, 60, 3, 0.3, 0.1, 5);
        // item 60 has no ratings
        RatingsFit one = BiasedMf.fit(r.users(), r.items() + 1, r.user(), r.item(), r.rating(),
                new MfParams(4, 1, 0.05, 7));
        RatingsFit many = BiasedMf.fit(r.users(), r.items() + 1, r.user(), r.item(), r.rating(),
                new MfParams(4, 20, 0.05, 7));
        assertTrue(many.rmse() < one.rmse(), many.rmse() + " after 20 sweeps, " + one.rmse() + " after 1");
        assertEquals(0f, many.itemBias()[60]);
        for (int k = 0; k < 4; k++) {
            assertEquals(0f, many.itemFactors()[60 * 4 + k]);
        }
        assertEquals(many.globalMean() + many.userBias()[0], many.predict(0, 60), 1e-6);
    }

    @Test
    void theSolverSolvesARidgeSystem() {
        BiasedMf.Solver s = new BiasedMf.Solver(2);
        s.clear();
        // rows (1, 0) -> 2 and (0, 1) -> 3 and (1, 1) -> 5: least squares w = (2, 3)
        s.add(new double[] {1, 0}, 2);
        s.add(new double[] {0, 1}, 3);
        s.add(new double[] {1, 1}, 5);
        s.ridge(0);
        double[] w = s.solve();
        assertEquals(2, w[0], 1e-6);
        assertEquals(3, w[1], 1e-6);
    }
}
