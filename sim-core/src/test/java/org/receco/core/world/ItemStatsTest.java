package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ItemStatsTest {

    @Test
    void countsCumulativeAndPerRoundAndReadsUnseenItemsAsZero() {
        ItemStats s = new ItemStats();
        s.ensure(3000);
        s.expose(2999);
        s.expose(2999);
        s.click(2999, true);
        s.click(2999, false);
        assertEquals(2, s.exposures(2999));
        assertEquals(2, s.clicks(2999));
        assertEquals(1, s.likes(2999));
        s.clearRound(new int[] {2999}, 1);
        assertEquals(0, s.roundExposures(2999));
        assertEquals(2, s.exposures(2999));
        assertEquals(0, s.likes(1_000_000), "an item published since the last ensure has no counts yet");
    }
}
