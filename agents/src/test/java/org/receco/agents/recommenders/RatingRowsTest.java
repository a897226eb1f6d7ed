package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.receco.core.world.FeedbackLog;

class RatingRowsTest {
    @Test
    void indexesRatedEntriesByUserAndItemInLogOrderSkippingUnrated() {
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(1, 2, 0, true, 5);
        log.add(0, 2, 0, false, 2);
        log.add(1, 0, 0, false);
        RatingRows rows = new RatingRows(false);
        rows.ingest(log, 0, 0, 0);
        log.beginRound(1);
        log.add(1, 1, 1, false, 3);
        log.add(2, 2, 1, true, 4);
        rows.ingest(log, 0, 0, 0);
        assertEquals(2, rows.size(), "round 1 is not read before it is asked for");
        rows.ingest(log, 1, 4, 0);
        assertEquals(4, rows.size());
        assertEquals(3.5, rows.globalMean());
        assertEquals(4, rows.users(), "at least the users asked for");
        assertEquals(3, rows.items());
        assertEquals(rows.userStart(3), rows.userEnd(3));
        int p = rows.userStart(1);
        assertEquals(2, rows.userEnd(1) - p);
        assertEquals(2, rows.userItem(p));
        assertEquals(5, rows.userStars(p));
        assertEquals(1, rows.userItem(p + 1));
        assertEquals(3, rows.userStars(p + 1));
        int q = rows.itemStart(2);
        assertEquals(3, rows.itemEnd(2) - q);
        assertEquals(1, rows.itemUser(q));
        assertEquals(0, rows.itemUser(q + 1));
        assertEquals(2, rows.itemUser(q + 2));
        assertEquals(4, rows.itemStars(q + 2));
        assertEquals(rows.itemStart(0), rows.itemEnd(0), "item 0 was only clicked");
    }

    @Test
    void rowsThatKeepClicksHoldUnratedEntriesWithZeroStars() {
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(1, 2, 0, true, 5);
        log.add(1, 0, 0, false);
        RatingRows rows = new RatingRows(true);
        rows.ingest(log, 0, 0, 0);
        assertEquals(2, rows.size());
        assertEquals(1, rows.rated());
        assertEquals(5.0, rows.globalMean(), "the mean is over rated entries only");
        int p = rows.userStart(1);
        assertEquals(0, rows.userItem(p + 1));
        assertEquals(0, rows.userStars(p + 1));
    }
}
