package org.receco.core.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoundStateTest {

    @Test
    void anAccountMayReplaceItsSlateBeforeClickingButNotAfter() {
        RoundState s = new RoundState(4, 3);
        s.begin(0, 2);
        s.setSlateLength(1, 4);
        s.replaceSlate(1, new int[] {9, 7, 5, 3}, 1, 3);
        assertEquals(3, s.slateLength(1));
        assertEquals(7, s.slateItem(1, 0));
        assertEquals(3, s.slateItem(1, 2));
        s.addClick(1, 2, true, 0f, 5);
        assertEquals(3, s.clickItem(1, 0));
        assertThrows(IllegalStateException.class, () -> s.replaceSlate(1, new int[] {1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> s.replaceSlate(0, new int[] {1, 2, 3, 4, 5}, 0, 5));
    }

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

    @Test
    void aClickBeyondTheCapacityIsAnErrorNamingTheUserNotAnotherUsersClick() {
        RoundState s = new RoundState(4, 2);
        s.begin(0, 3);
        s.setSlateLength(0, 4);
        s.setSlateLength(1, 4);
        s.slates()[4] = 42; // user 1, position 0
        s.addClick(1, 0, true, 1f);
        s.addClick(0, 0, false, 0f);
        s.addClick(0, 1, false, 0f);
        RoundState.ClickOverflowException e = assertThrows(RoundState.ClickOverflowException.class,
                () -> s.addClick(0, 2, false, 0f));
        assertEquals(0, e.user());
        assertEquals(2, e.capacity());
        assertTrue(e.getMessage().contains("user 0"), e.getMessage());
        assertEquals(2, s.clickCount(0), "the refused click is not counted");
        assertEquals(1, s.clickCount(1));
        assertEquals(42, s.clickItem(1, 0), "user 1's click is untouched");
    }

    @Test
    void growingTheClickCapacityKeepsTheRoundsClicksAndAllowsMore() {
        RoundState s = new RoundState(6, 1);
        s.begin(0, 3);
        for (int u = 0; u < 3; u++) {
            s.setSlateLength(u, 6);
            for (int p = 0; p < 6; p++) {
                s.slates()[u * 6 + p] = 100 * u + p;
            }
            s.addClick(u, u, u % 2 == 0, u + 0.5f);
        }
        s.ensureClickCapacity(5);
        assertEquals(5, s.clickCapacity());
        for (int u = 0; u < 3; u++) {
            assertEquals(1, s.clickCount(u));
            assertEquals(100 * u + u, s.clickItem(u, 0), "user " + u);
            assertEquals(u, s.clickPosition(u, 0));
            assertEquals(u % 2 == 0, s.clickLiked(u, 0));
            assertEquals(u + 0.5f, s.clickUtility(u, 0));
        }
        s.ensureClickCapacity(2); // never shrinks
        assertEquals(5, s.clickCapacity());
        s.begin(1, 4);
        for (int u = 0; u < 4; u++) {
            s.setSlateLength(u, 6);
            for (int p = 0; p < 6; p++) {
                s.slates()[u * 6 + p] = 100 * u + p;
            }
        }
        for (int u = 0; u < 4; u++) {
            for (int c = 0; c < 5; c++) {
                s.addClick(u, c, false, 0f);
            }
        }
        for (int u = 0; u < 4; u++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(100 * u + c, s.clickItem(u, c), "user " + u + " click " + c);
            }
        }
        assertThrows(RoundState.ClickOverflowException.class, () -> s.addClick(3, 5, false, 0f));
    }

    @Test
    void ratingsAndReviewsRideWithTheirClickThroughACapacityChange() {
        RoundState s = new RoundState(4, 1);
        s.begin(0, 2);
        s.setSlateLength(0, 4);
        s.setSlateLength(1, 4);
        s.addClick(0, 2, true, 0.9f, 5);
        s.addClick(1, 0, false, 0.1f);
        s.setClickReview(0, 0, "five stars");
        assertTrue(s.reviewsEnabled());
        s.ensureClickCapacity(3);
        assertEquals(5, s.clickRating(0, 0));
        assertEquals("five stars", s.clickReview(0, 0));
        assertEquals(0, s.clickRating(1, 0), "a click without a rating has none");
        assertEquals(null, s.clickReview(1, 0));
        s.begin(1, 2);
        s.setSlateLength(0, 4);
        s.addClick(0, 1, true, 1f, 3);
        assertEquals(null, s.clickReview(0, 0), "last round's review does not stick to this round's click");
        assertThrows(IllegalArgumentException.class, () -> s.addClick(0, 2, true, 1f, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> s.setClickReview(1, 0, "no click"));
    }
}
