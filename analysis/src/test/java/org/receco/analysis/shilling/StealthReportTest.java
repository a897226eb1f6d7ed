package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StealthReportTest {
    private static StealthReport report(SyntheticAttack.Kind kind, long seed) {
        SyntheticAttack a = new SyntheticAttack(kind, seed);
        return StealthReport.of(a.log, a.reviews, a.labels(), a.users);
    }

    /**
     * Random attackers are farther from genuine profiles than genuine-like fakes: on each of 5 seeds, RDMA's KS
     * distance is larger for the random attack, and the profile detector's F1 is higher.
     */
    @Test
    void randomAttackersAreLessStealthyThanGenuineLikeOnes() {
        for (long seed = 1; seed <= 5; seed++) {
            StealthReport random = report(SyntheticAttack.Kind.RANDOM, seed);
            StealthReport like = report(SyntheticAttack.Kind.GENUINE_LIKE, seed);
            assertTrue(random.distance("rdma").ks() > like.distance("rdma").ks(), "seed " + seed);
            assertTrue(random.detector(PcaVarSelectDetector.NAME).f1()
                    > like.detector(PcaVarSelectDetector.NAME).f1(), "seed " + seed);
            assertEquals(SyntheticAttack.FAKE, random.fakeUsers());
            assertEquals(SyntheticAttack.GENUINE, random.genuineUsers());
        }
    }

    @Test
    void templatedReviewsAreFarFromGenuineOnesInReviewSimilarity() {
        StealthReport r = report(SyntheticAttack.Kind.TEMPLATE_REVIEWS, 3);
        assertTrue(r.distance(StealthReport.REVIEW_SIM).ks() > 0.9);
        assertTrue(r.detector(ReviewTextDetector.NAME).f1() > 0.9);
    }

    @Test
    void theTableNamesEveryDetectorAndFeature() {
        String table = report(SyntheticAttack.Kind.RANDOM, 1).render();
        for (String name : new String[] {PcaVarSelectDetector.NAME, ProfileClusterDetector.NAME,
            ReviewTextDetector.NAME, "rdma", "wdma", "wda", "length-var", "deg-sim", StealthReport.REVIEW_SIM}) {
            assertTrue(table.contains(name), name + " missing from\n" + table);
        }
        assertTrue(table.contains("precision") && table.contains("KS"));
    }

    @Test
    void withoutFakeUsersRecallAndDistancesAreUndefinedNotZero() {
        SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, 1);
        StealthReport r = StealthReport.of(a.log, a.reviews, new boolean[0], a.users);
        assertEquals(0, r.fakeUsers());
        assertTrue(Double.isNaN(r.detector(ProfileClusterDetector.NAME).f1()));
        assertTrue(Double.isNaN(r.distance("rdma").ks()));
        assertTrue(r.render().contains(" - "));
    }
}
