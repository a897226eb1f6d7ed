package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.FeedbackLog;

class FeedbackWindowTest {

    /** Round 0: (1,2) liked 5*, (0,2) 2*, (1,0) liked click; round 1: (1,1) 3*, (2,2) liked 4*. */
    private static FeedbackLog smallLog() {
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(1, 2, 0, true, 5);
        log.add(0, 2, 0, false, 2);
        log.add(1, 0, 0, true);
        log.beginRound(1);
        log.add(1, 1, 1, false, 3);
        log.add(2, 2, 1, true, 4);
        return log;
    }

    @Test
    void readsTheKeptEntriesOfTheAskedRoundsOnceInLogOrder() {
        FeedbackLog log = smallLog();
        FeedbackWindow w = new FeedbackWindow(FeedbackSignal.likes);
        assertEquals(0, w.read(log, 0));
        assertEquals(2, w.size(), "round 1 is not read before it is asked for");
        assertEquals(1, w.user(0));
        assertEquals(2, w.item(0));
        assertEquals(5, w.stars(0));
        assertEquals(0, w.item(1));
        assertEquals(0, w.stars(1), "an unrated click keeps 0 stars");
        assertEquals(2, w.read(log, 0), "nothing new: the first new index is the size");
        assertEquals(2, w.size());
        assertEquals(2, w.read(log, 7), "a round past the log's last reads to its end");
        assertEquals(3, w.size());
        assertEquals(2, w.user(2));
        assertEquals(1, w.round(2));
        assertEquals(3, w.userBound());
        assertEquals(3, w.itemBound());
        assertEquals(2, w.rated());
        assertEquals(4.5, w.meanRating());
    }

    @Test
    void ratedKeepsEveryRatedEntryAndNoUnratedOne() {
        FeedbackWindow w = new FeedbackWindow(FeedbackWindow.RATED);
        w.read(smallLog(), 1);
        assertEquals(4, w.size());
        assertEquals(3.5, w.meanRating());
        for (int t = 0; t < w.size(); t++) {
            assertTrue(w.stars(t) > 0);
        }
        assertTrue(Double.isNaN(new FeedbackWindow(FeedbackWindow.RATED).meanRating()), "no rating yet");
        assertThrows(IllegalArgumentException.class, () -> new FeedbackWindow(null));
    }

    @Test
    void windowsAreSuffixesAndDroppingForgetsAPrefixButNotWhatWasRead() {
        FeedbackLog log = new FeedbackLog();
        for (int r = 0; r < 5; r++) {
            log.beginRound(r);
            for (int c = 0; c <= r; c++) {
                log.add(c, 10 * r + c, r, true, 1 + c % 5);
            }
        }
        FeedbackWindow w = new FeedbackWindow(FeedbackSignal.clicks);
        w.read(log, 4);
        assertEquals(15, w.size());
        assertEquals(0, w.firstFrom(4, 0), "window 0 is all history");
        assertEquals(6, w.firstFrom(4, 2), "rounds 3 and 4 start after the 1 + 2 + 3 entries of rounds 0-2");
        assertEquals(15, w.firstOfRound(5));
        assertEquals(0, w.firstOfRound(-3));
        w.dropBefore(3);
        assertEquals(9, w.size());
        assertEquals(3, w.round(0));
        assertEquals(30, w.item(0));
        assertEquals(44, w.item(8));
        assertEquals(5, w.userBound(), "bounds cover everything read");
        assertEquals(45, w.itemBound());
        assertEquals(15, w.rated());
        log.beginRound(5);
        log.add(7, 50, 5, false, 0);
        assertEquals(9, w.read(log, 5), "the cursor did not move back");
        assertEquals(10, w.size());
        assertEquals(8, w.userBound());
        w.dropBefore(Integer.MAX_VALUE);
        assertEquals(0, w.size());
        assertEquals(0, w.read(log, 5));
    }

    @Test
    void indexesByUserAndByItemStablyReusingTheStarts() {
        FeedbackWindow w = new FeedbackWindow(FeedbackSignal.clicks);
        w.read(smallLog(), 1);
        int[] items = new int[5];
        byte[] stars = new byte[5];
        int[] start = w.byUser(4, new int[2], items, stars);
        assertArrayEquals(new int[] {0, 1, 4, 5, 5}, start, "users 0..3 own 1, 3, 1 and 0 entries");
        assertArrayEquals(new int[] {2, 2, 0, 1, 2}, items, "user 1's items stay in log order");
        assertArrayEquals(new byte[] {2, 5, 0, 3, 4}, stars);
        int[] users = new int[5];
        int[] reused = new int[8];
        int[] byItem = w.byItem(3, reused, users, null);
        assertTrue(byItem == reused, "a large enough start array is reused");
        assertArrayEquals(new int[] {0, 1, 2, 5}, java.util.Arrays.copyOf(byItem, 4));
        assertArrayEquals(new int[] {1, 1, 1, 0, 2}, users);
    }

    /** Reading a random log in random steps, with random drops, keeps what a plain list model of it keeps. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void agreesWithAPlainListModel(long seed) {
        SplitMix rng = new SplitMix(seed);
        FeedbackLog log = new FeedbackLog();
        FeedbackWindow w = new FeedbackWindow(FeedbackSignal.rating4);
        List<int[]> model = new ArrayList<>();
        int read = 0;
        int maxUser = -1;
        for (int r = 0; r < 40; r++) {
            log.beginRound(r);
            int n = rng.nextInt(2400);
            for (int c = 0; c < n; c++) {
                log.add(rng.nextInt(300), rng.nextInt(900), r, rng.nextInt(2) == 0, rng.nextInt(6));
            }
            boolean last = r == 39;
            if (last || rng.nextInt(3) == 0) {
                int upTo = last ? r : r - rng.nextInt(2);
                w.read(log, upTo);
                for (int end = log.roundEnd(upTo); read < end; read++) {
                    if (log.rating(read) >= 4) {
                        model.add(new int[] {log.user(read), log.item(read), log.round(read), log.rating(read)});
                        maxUser = Math.max(maxUser, log.user(read));
                    }
                }
            }
            if (r < 25 && rng.nextInt(5) == 0) { // none late on, so the arrays must grow
                int cut = r - rng.nextInt(4);
                w.dropBefore(cut);
                model.removeIf(e -> e[2] < cut);
            }
        }
        assertTrue(model.size() > 4096, "the arrays grew past their first capacity: " + model.size());
        assertEquals(model.size(), w.size());
        for (int t = 0; t < model.size(); t++) {
            assertArrayEquals(model.get(t), new int[] {w.user(t), w.item(t), w.round(t), w.stars(t)}, "entry " + t);
        }
        assertEquals(maxUser + 1, w.userBound());
    }
}
