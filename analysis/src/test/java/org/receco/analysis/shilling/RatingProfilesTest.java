package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.world.FeedbackLog;

class RatingProfilesTest {
    @Test
    void theLatestRatingOfAPairStandsAndUnratedClicksAreIgnored() {
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(1, 7, 0, false, 2);
        log.add(1, 3, 0, true, 5);
        log.add(0, 3, 0, false);
        log.beginRound(1);
        log.add(1, 7, 1, true, 4);
        log.add(0, 3, 1, false, 1);
        log.add(5, 3, 1, false, 3);
        RatingProfiles p = RatingProfiles.of(log, 2);
        assertEquals(2, p.users());
        assertEquals(8, p.items());
        assertEquals(1, p.length(0));
        assertEquals(2, p.length(1));
        int s = p.start(1);
        assertEquals(3, p.item(s), "rows are sorted by item");
        assertEquals(5, p.stars(s));
        assertEquals(7, p.item(s + 1));
        assertEquals(4, p.stars(s + 1), "the re-rating replaced the first");
        assertEquals(2, p.itemCount(3), "user 5 is beyond the users asked for");
        assertEquals(3.0, p.itemMean(3));
        assertEquals(4.5, p.userMean(1));
        assertTrue(Double.isNaN(p.itemMean(0)));
    }
}
