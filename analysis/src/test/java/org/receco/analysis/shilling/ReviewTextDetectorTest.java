package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReviewTextDetectorTest {
    private static DetectionScore score(SyntheticAttack.Kind kind, long seed) {
        SyntheticAttack a = new SyntheticAttack(kind, seed);
        return DetectionScore.of(new ReviewTextDetector(5).flag(a.reviews, a.users), a.labels(), null, a.users);
    }

    /**
     * Templated reviews carrying the target's words are found (F1 at least 0.9 on each of 5 seeds); reviewers
     * who write their own words like everyone else are not (5-seed mean F1 under 0.25, where flagging the
     * high half of reviewers at random gives about 0.1).
     */
    @Test
    void templatedReviewersAreFoundOwnWordsAreNot() {
        double genuineLike = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double f = score(SyntheticAttack.Kind.TEMPLATE_REVIEWS, seed).f1();
            assertTrue(f >= 0.9, "seed " + seed + ": F1 " + f);
            genuineLike += score(SyntheticAttack.Kind.GENUINE_LIKE, seed).f1() / 5;
        }
        assertTrue(genuineLike < 0.25, "genuine-like mean F1 " + genuineLike);
    }

    @Test
    void silentUsersAreNeverFlagged() {
        SyntheticAttack a = new SyntheticAttack(SyntheticAttack.Kind.RANDOM, 1);
        boolean[] wrote = ReviewTextDetector.writers(a.reviews, a.users);
        boolean[] flagged = new ReviewTextDetector(5).flag(a.reviews, a.users);
        for (int u = 0; u < a.users; u++) {
            if (!wrote[u]) {
                assertFalse(flagged[u], "user " + u);
            }
        }
    }
}
