package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileClusterDetectorTest {
    private static DetectionScore score(SyntheticAttack.Kind kind, long seed) {
        SyntheticAttack a = new SyntheticAttack(kind, seed);
        ProfileFeatures f = ProfileFeatures.of(RatingProfiles.of(a.log, a.users), 25);
        return DetectionScore.of(new ProfileClusterDetector(3).flag(f), a.labels(), null, a.users);
    }

    /**
     * Without being told the attack size, the k-means detector puts random attackers in its flagged minority
     * (recall at least 0.8 on each of 5 seeds; an unbiased coin flagging a third of users would reach 0.33),
     * but with many genuine users beside them, so its F1 (about 0.27 here) is modest: still above what it
     * scores on genuine-like fakes (about 0.15) by at least 0.05 on the 5-seed mean.
     */
    @Test
    void randomAttackersLandInTheFlaggedMinority() {
        double random = 0;
        double genuineLike = 0;
        for (long seed = 1; seed <= 5; seed++) {
            DetectionScore s = score(SyntheticAttack.Kind.RANDOM, seed);
            assertTrue(s.recall() >= 0.8, "seed " + seed + ": recall " + s.recall());
            random += s.f1() / 5;
            genuineLike += score(SyntheticAttack.Kind.GENUINE_LIKE, seed).f1() / 5;
        }
        assertTrue(random > genuineLike + 0.05, random + " vs " + genuineLike);
    }

    @Test
    void theSameSeedFlagsTheSameUsers() {
        SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, 9);
        ProfileFeatures f = ProfileFeatures.of(RatingProfiles.of(a.log, a.users), 25);
        assertArrayEquals(new ProfileClusterDetector(3).flag(f), new ProfileClusterDetector(3).flag(f));
    }
}
