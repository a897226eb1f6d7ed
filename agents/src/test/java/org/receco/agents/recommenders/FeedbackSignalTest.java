package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackSignalTest {
    @Test
    void likesCountOnlyLikedClicksAndClicksCountAll() {
        for (int stars = 0; stars <= 5; stars++) {
            assertTrue(FeedbackSignal.likes.counts(true, stars));
            assertFalse(FeedbackSignal.likes.counts(false, stars));
            assertTrue(FeedbackSignal.clicks.counts(true, stars));
            assertTrue(FeedbackSignal.clicks.counts(false, stars));
        }
    }

    @Test
    void rating4CountsOnlyRatingsOfFourOrFiveWhateverTheLike() {
        for (boolean liked : new boolean[] {true, false}) {
            assertFalse(FeedbackSignal.rating4.counts(liked, 0), "an unrated click is no positive");
            for (int stars = 1; stars <= 3; stars++) {
                assertFalse(FeedbackSignal.rating4.counts(liked, stars));
            }
            assertTrue(FeedbackSignal.rating4.counts(liked, 4));
            assertTrue(FeedbackSignal.rating4.counts(liked, 5));
        }
    }
}
