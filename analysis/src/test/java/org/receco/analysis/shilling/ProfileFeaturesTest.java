package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.world.FeedbackLog;

class ProfileFeaturesTest {
    /** Three raters of items 0..2 and a silent user: every feature recomputed by hand from its definition. */
    @Test
    void featuresFollowTheirDefinitions() {
        int[][] r = {{5, 3, 0}, {4, 1, 2}, {1, 3, 5}};
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 3; i++) {
                if (r[u][i] > 0) {
                    log.add(u, i, 0, false, r[u][i]);
                }
            }
        }
        log.add(3, 0, 0, true);
        ProfileFeatures f = ProfileFeatures.of(RatingProfiles.of(log, 4), 1);
        double[] mean = {10 / 3.0, 7 / 3.0, 3.5};
        int[] nr = {3, 3, 2};
        int[] len = {2, 3, 3};
        double meanLen = 8 / 3.0;
        double spread = 0;
        for (int n : len) {
            spread += (n - meanLen) * (n - meanLen);
        }
        for (int u = 0; u < 3; u++) {
            double rdma = 0;
            double wdma = 0;
            for (int i = 0; i < 3; i++) {
                if (r[u][i] > 0) {
                    rdma += Math.abs(r[u][i] - mean[i]) / nr[i];
                    wdma += Math.abs(r[u][i] - mean[i]) / (nr[i] * nr[i]);
                }
            }
            assertEquals(rdma / len[u], f.value(ProfileFeatures.RDMA, u), 1e-12, "rdma " + u);
            assertEquals(wdma / len[u], f.value(ProfileFeatures.WDMA, u), 1e-12, "wdma " + u);
            assertEquals(rdma, f.value(ProfileFeatures.WDA, u), 1e-12, "wda " + u);
            assertEquals(Math.abs(len[u] - meanLen) / spread, f.value(ProfileFeatures.LENGTH_VAR, u), 1e-12);
        }
        // Pearson over co-rated items: users 1 and 2 share all three items; user 0 shares two with each.
        double p12 = pearson(new double[] {4, 1, 2}, new double[] {1, 3, 5});
        double p01 = pearson(new double[] {5, 3}, new double[] {4, 1});
        double p02 = pearson(new double[] {5, 3}, new double[] {1, 3});
        assertEquals(Math.max(p01, p02), f.value(ProfileFeatures.DEG_SIM, 0), 1e-6);
        assertEquals(Math.max(p01, p12), f.value(ProfileFeatures.DEG_SIM, 1), 1e-6);
        assertEquals(Math.max(p02, p12), f.value(ProfileFeatures.DEG_SIM, 2), 1e-6);
        assertFalse(f.judged(3), "a user without ratings is not judged");
        assertTrue(Double.isNaN(f.value(ProfileFeatures.RDMA, 3)));
        assertThrows(IllegalArgumentException.class, () -> ProfileFeatures.of(RatingProfiles.of(log, 4), 0));
    }

    /** Random-attack fillers land on rarely rated items, off their means: RDMA is higher on every seed. */
    @Test
    void randomAttackersDeviateMoreFromMeanAgreement() {
        for (long seed = 1; seed <= 5; seed++) {
            SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, seed);
            ProfileFeatures f = ProfileFeatures.of(RatingProfiles.of(a.log, a.users), 25);
            double fake = 0;
            double genuine = 0;
            for (int u = 0; u < a.users; u++) {
                if (a.fake[u]) {
                    fake += f.value(ProfileFeatures.RDMA, u) / SyntheticAttack.FAKE;
                } else {
                    genuine += f.value(ProfileFeatures.RDMA, u) / SyntheticAttack.GENUINE;
                }
            }
            assertTrue(fake > 1.2 * genuine, "seed " + seed + ": " + fake + " vs " + genuine);
        }
    }

    private static double pearson(double[] x, double[] y) {
        return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y);
    }
}
