package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedbackLogTest {

    @Test
    void roundsDelimitTheirEntriesEvenWhenARoundIsEmpty() {
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(1, 10, 0, true);
        log.add(2, 11, 0, false);
        log.beginRound(2); // round 1 had no clicks
        for (int i = 0; i < 3000; i++) {
            log.add(i, i, 2, i % 2 == 0);
        }
        assertEquals(3, log.rounds());
        assertEquals(0, log.roundStart(0));
        assertEquals(2, log.roundEnd(0));
        assertEquals(log.roundStart(1), log.roundEnd(1));
        assertEquals(2, log.roundStart(2));
        assertEquals(3002, log.roundEnd(2));
        assertEquals(11, log.item(1));
        assertTrue(log.liked(2));
    }
}
