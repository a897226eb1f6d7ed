package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void simdAndScalarKernelsAgreeBitForBit() {
        // Surefire starts the JVM with jdk.incubator.vector, so dotBlock takes the SIMD path here.
        assertTrue(Vec.SIMD, "the SIMD kernel should be active under the test JVM's flags");
        SplitMix r = new SplitMix(11);
        for (int d : new int[] {1, 7, 20, 32}) {
            int n = 203, nq = 7; // not a multiple of any vector length: the tail takes the scalar path
            float[] q = new float[nq * d];
            float[] rows = new float[n * d];
            for (int i = 0; i < q.length; i++) {
                q[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) r.nextGaussian();
            }
            float[] simd = new float[nq * n + 5];
            float[] scalar = new float[nq * n + 5];
            Vec.dotBlock(q, nq, rows, n, d, simd, n);
            Vec.dotBlockScalar(q, nq, rows, 0, n, d, scalar, n);
            for (int i = 0; i < simd.length; i++) {
                assertEquals(Float.floatToRawIntBits(scalar[i]), Float.floatToRawIntBits(simd[i]), "d " + d + " i " + i);
            }
        }
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        assertEquals(0f, Vec.cosine(new float[] {0, 0}, 0, new float[] {1, 0}, 0, 2));
        assertEquals(1f, Vec.cosine(new float[] {2, 0}, 0, new float[] {1, 0}, 0, 2), 1e-7f);
    }
}
