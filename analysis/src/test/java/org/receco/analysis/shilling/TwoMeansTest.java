package org.receco.analysis.shilling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class TwoMeansTest {
    @Test
    void separatesTwoDistantBlobsReproducibly() {
        SplitMix rng = new SplitMix(3);
        double[][] pts = new double[60][2];
        for (int p = 0; p < 60; p++) {
            double c = p < 45 ? 0 : 10;
            pts[p][0] = c + rng.nextGaussian();
            pts[p][1] = c + rng.nextGaussian();
        }
        int[] label = TwoMeans.split(pts, 7);
        for (int p = 0; p < 60; p++) {
            assertEquals(p < 45 ? 0 : 1, label[p], "point " + p);
        }
        assertArrayEquals(label, TwoMeans.split(pts, 7));
    }

    @Test
    void identicalPointsCannotBeSplit() {
        assertNull(TwoMeans.split(new double[][] {{1, 2}, {1, 2}, {1, 2}}, 1));
        assertNull(TwoMeans.split(new double[][] {{1}}, 1));
    }
}
