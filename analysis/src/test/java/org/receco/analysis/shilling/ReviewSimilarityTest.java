package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.world.ReviewLog;

class ReviewSimilarityTest {
    @Test
    void copiedReviewsScoreOneOwnWordsScoreZeroSilenceScoresZero() {
        ReviewLog log = new ReviewLog();
        log.add(0, 1, 0, "Stellar starship saga");
        log.add(1, 2, 0, "stellar STARSHIP saga!");
        log.add(2, 3, 0, "quiet garden memoir");
        log.add(3, 3, 0, "quiet noir thriller");
        double[] s = ReviewSimilarity.maxCosine(log, 5);
        assertEquals(1, s[0], 1e-9);
        assertEquals(1, s[1], 1e-9);
        assertTrue(s[2] > 0 && s[2] < 0.7, "one shared word of three: " + s[2]);
        assertEquals(s[2], s[3], 1e-12, "cosine is symmetric");
        assertEquals(0, s[4], "user 4 wrote nothing");
    }
}
