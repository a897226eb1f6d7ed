package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class VecTest {

    @Test
    void dotBlockGivesBitIdenticalScoresWhateverTheBlockShape() {
        SplitMix r = new SplitMix(3);
        int d = 13, n = 50, nq = 7;
        float[] q = new float[nq * d];
        float[] rows = new float[n * d];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) r.nextGaussian();
        }
        float[] all = new float[nq * n];
        Vec.dotBlock(q, nq, rows, n, d, all, n);
        for (int u = 0; u < nq; u++) {
            float[] one = new float[n];
            float[] single = java.util.Arrays.copyOfRange(q, u * d, u * d + d);
            Vec.dotBlock(single, 1, rows, n, d, one, n);
            for (int j = 0; j < n; j++) {
                assertEquals(all[u * n + j], one[j], 0.0f, "query " + u + " item " + j);
                assertEquals(Vec.dot(q, u * d, rows, j * d, d), one[j], 1e-4f);
            }
        }
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        assertEquals(0f, Vec.cosine(new float[] {0, 0}, 0, new float[] {1, 0}, 0, 2));
        assertEquals(1f, Vec.cosine(new float[] {2, 0}, 0, new float[] {1, 0}, 0, 2), 1e-7f);
    }
}
