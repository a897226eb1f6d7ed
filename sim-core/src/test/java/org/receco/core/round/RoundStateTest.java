package org.receco.core.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoundStateTest {

    @Test
    void clicksReferToSlatePositionsAndBeginClearsTheRound() {
        RoundState s = new RoundState(3, 2);
        s.begin(0, 2);
        int[] slates = s.slates();
        slates[3] = 7;
        slates[4] = 8;
        s.setSlateLength(1, 2);
        s.addClick(1, 1, true, 0.5f);
        assertEquals(8, s.clickItem(1, 0));
        assertEquals(1, s.clickPosition(1, 0));
        assertTrue(s.clickLiked(1, 0));
        assertEquals(1, s.clickCount(1));
        s.begin(1, 5); // grows and clears
        assertEquals(0, s.clickCount(1));
        assertEquals(0, s.slateLength(1));
        assertEquals(5, s.users());
    }
}
