package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetectionScoreTest {
    @Test
    void countsOnlyJudgedUsers() {
        boolean[] flagged = {true, true, false, false, true};
        boolean[] fake = {true, false, true, false, true};
        boolean[] judged = {true, true, true, true, false};
        DetectionScore s = DetectionScore.of(flagged, fake, judged, 5);
        assertEquals(new DetectionScore(1, 1, 1, 1), s);
        assertEquals(0.5, s.precision());
        assertEquals(0.5, s.recall());
        assertEquals(0.5, s.f1());
        DetectionScore all = DetectionScore.of(flagged, fake, null, 5);
        assertEquals(2 / 3.0, all.precision(), 1e-12);
        assertEquals(2 / 3.0, all.recall(), 1e-12);
    }

    @Test
    void edgeCasesAreStatedNotHidden() {
        DetectionScore none = DetectionScore.of(new boolean[3], new boolean[] {true, false, false}, null, 3);
        assertEquals(0, none.precision(), "nothing flagged");
        assertEquals(0, none.f1());
        DetectionScore noFakes = DetectionScore.of(new boolean[] {true, false}, new boolean[2], null, 2);
        assertTrue(Double.isNaN(noFakes.recall()), "no fake user to find");
        assertTrue(Double.isNaN(noFakes.f1()));
        assertThrows(IllegalArgumentException.class, () -> new DetectionScore(-1, 0, 0, 0));
    }
}
