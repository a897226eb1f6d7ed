package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackSignalTest {
    @Test
    void likesCountOnlyLikedClicksAndClicksCountAll() {
        assertTrue(FeedbackSignal.likes.counts(true));
        assertFalse(FeedbackSignal.likes.counts(false));
        assertTrue(FeedbackSignal.clicks.counts(true));
        assertTrue(FeedbackSignal.clicks.counts(false));
    }
}
