package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PcaVarSelectDetectorTest {
    private static final PcaVarSelectDetector DETECTOR = new PcaVarSelectDetector(11);

    private static double f1(SyntheticAttack.Kind kind, long seed) {
        SyntheticAttack a = new SyntheticAttack(kind, seed);
        boolean[] flagged = DETECTOR.flag(RatingProfiles.of(a.log, a.users), SyntheticAttack.FAKE);
        return DetectionScore.of(flagged, a.labels(), null, a.users).f1();
    }

    /**
     * Random attackers (12 among 212 users) are found far above chance: F1 at least 0.5 on each of 5 seeds, where
     * flagging 12 users at random would give F1 = 12/212 ≈ 0.06 in expectation. Fakes drawn from the genuine
     * distribution are not: mean F1 under 0.2 (a binomial spread of one or two hits around 0.7 expected).
     */
    @Test
    void findsRandomAttackersButNotGenuineLikeOnes() {
        double genuineLike = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double f = f1(SyntheticAttack.Kind.RANDOM, seed);
            assertTrue(f >= 0.5, "random attack, seed " + seed + ": F1 " + f);
            genuineLike += f1(SyntheticAttack.Kind.GENUINE_LIKE, seed) / 5;
        }
        assertTrue(genuineLike < 0.2, "genuine-like mean F1 " + genuineLike);
    }

    /** The subspace iteration's contributions match a full eigendecomposition of Z Zᵀ (Commons Math). */
    @Test
    void contributionsMatchAFullEigendecomposition() {
        SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, 4);
        RatingProfiles p = RatingProfiles.of(a.log, a.users);
        double[] fast = DETECTOR.contributions(p);
        double[][] z = new double[p.users()][p.items()];
        for (int u = 0; u < p.users(); u++) {
            double m = p.userMean(u);
            double v = 0;
            for (int q = p.start(u); q < p.start(u) + p.length(u); q++) {
                v += (p.stars(q) - m) * (p.stars(q) - m);
            }
            double sd = Math.sqrt(v / (p.length(u) - 1));
            for (int q = p.start(u); q < p.start(u) + p.length(u); q++) {
                z[u][p.item(q)] = (p.stars(q) - m) / sd;
            }
        }
        RealMatrix zm = new Array2DRowRealMatrix(z, false);
        EigenDecomposition e = new EigenDecomposition(zm.multiply(zm.transpose()));
        double[] values = e.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        for (int u = 0; u < p.users(); u++) {
            double s = 0;
            for (int c = 0; c < PcaVarSelectDetector.COMPONENTS; c++) {
                double x = e.getEigenvector(order[c]).getEntry(u);
                s += x * x;
            }
            assertEquals(s, fast[u], 1e-6, "user " + u);
        }
    }

    @Test
    void flagsExactlyRUsersWithRatings() {
        SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, 2);
        boolean[] flagged = DETECTOR.flag(RatingProfiles.of(a.log, a.users + 3), 7);
        int n = 0;
        for (boolean f : flagged) {
            n += f ? 1 : 0;
        }
        assertEquals(7, n);
        for (int u = a.users; u < a.users + 3; u++) {
            assertTrue(!flagged[u], "user " + u + " has no ratings");
        }
    }
}
