package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The palette's contrast on white and its distinct line styles. */
class PaletteTest {
    @Test
    void contrastFollowsWcag() {
        assertEquals(21, Palette.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Palette.contrast(Color.GRAY, Color.GRAY), 1e-9);
        // JFreeChart's default fourth colour, the pale yellow the old gini chart used, is what this avoids.
        assertTrue(Palette.contrast(new Color(0xFF, 0xFF, 0x55), Color.WHITE) < 1.2);
    }

    @Test
    void linesReachThreeToOneAndNoClassIsPale() {
        for (int i = 0; i < 3 * Palette.LINES.length; i++) {
            assertTrue(Palette.contrast(Palette.line(i), Color.WHITE) >= 3, "line " + i);
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(Palette.contrast(Palette.category(i), Color.WHITE) >= 2.2, "class " + i);
            for (int j = 0; j < i; j++) {
                assertNotEquals(Palette.category(i), Palette.category(j));
            }
        }
    }

    @Test
    void seriesPastTheColoursAreDashed() {
        int n = Palette.LINES.length;
        assertEquals(Palette.line(0), Palette.line(n));
        assertEquals(null, ((BasicStroke) Palette.stroke(0, 2f)).getDashArray());
        assertNotEquals(null, ((BasicStroke) Palette.stroke(n, 2f)).getDashArray());
        assertNotEquals(((BasicStroke) Palette.stroke(n, 2f)).getDashArray()[0],
                ((BasicStroke) Palette.stroke(2 * n, 2f)).getDashArray()[0]);
    }
}
