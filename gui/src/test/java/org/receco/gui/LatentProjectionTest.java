package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import sim.util.Double2D;

class LatentProjectionTest {
    /** Two clusters apart along one axis of a 5-d space, small noise elsewhere. */
    private static float[] clusters(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * 5];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                v[i * 5 + k] = (float) (0.05 * r.nextGaussian());
            }
            v[i * 5 + 2] += i % 2 == 0 ? 3f : -3f;
        }
        return v;
    }

    @Test
    void firstComponentSeparatesTheClustersAndPointsStayInTheSquare() {
        float[] v = clusters(200, 1);
        LatentProjection p = LatentProjection.fit(5, 100, new float[][] {v}, new int[] {200});
        assertTrue(p.explainedVariance() > 0.95, "one direction explains nearly everything");
        for (int i = 0; i < 200; i++) {
            Double2D q = p.project(v, i * 5);
            assertTrue(q.x >= 0 && q.x <= 100 && q.y >= 0 && q.y <= 100, q.toString());
            assertTrue(i % 2 == 0 ? q.x > 60 : q.x < 40, "cluster " + (i % 2) + " at " + q);
        }
    }

    @Test
    void sameVectorsSameProjection() {
        float[] v = clusters(100, 7);
        LatentProjection a = LatentProjection.fit(5, 100, new float[][] {v}, new int[] {100});
        LatentProjection b = LatentProjection.fit(5, 100, new float[][] {v.clone()}, new int[] {100});
        for (int i = 0; i < 100; i++) {
            assertEquals(a.project(v, i * 5), b.project(v, i * 5));
        }
    }
}
