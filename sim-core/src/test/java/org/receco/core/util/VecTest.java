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
    void byAttributeKernelsMatchTheRowKernelBitForBit() {
        SplitMix r = new SplitMix(17);
        for (int d : new int[] {1, 7, 20}) {
            // 8 and 19 queries reach the eight-query panels (and their four- and one-query remainders); 203
            // items leave panels of two vectors, one vector and a scalar tail at every vector length
            for (int n : new int[] {5, 16, 203}) {
                for (int nq : new int[] {1, 7, 8, 19}) {
                    int stride = n + 9; // padded rows, as the item store lays them out
                    float[] q = new float[nq * d];
                    float[] rows = new float[n * d];
                    float[] cols = new float[d * stride];
                    for (int i = 0; i < q.length; i++) {
                        q[i] = (float) r.nextGaussian();
                    }
                    for (int j = 0; j < n; j++) {
                        for (int k = 0; k < d; k++) {
                            rows[j * d + k] = (float) r.nextGaussian();
                            cols[k * stride + j] = rows[j * d + k];
                        }
                    }
                    float[] expected = new float[nq * n];
                    float[] simd = new float[nq * n];
                    float[] scalar = new float[nq * n];
                    Vec.dotBlockScalar(q, nq, rows, 0, n, d, expected, n);
                    Vec.dotBlockByDim(q, nq, cols, stride, n, d, simd, n);
                    Vec.dotBlockByDimScalar(q, nq, cols, stride, 0, n, d, scalar, n);
                    for (int i = 0; i < expected.length; i++) {
                        int bits = Float.floatToRawIntBits(expected[i]);
                        assertEquals(bits, Float.floatToRawIntBits(simd[i]), "simd d " + d + " n " + n + " nq " + nq + " i " + i);
                        assertEquals(bits, Float.floatToRawIntBits(scalar[i]), "scalar d " + d + " n " + n + " i " + i);
                    }
                }
            }
        }
    }

    @Test
    void firstAboveFindsTheFirstStrictlyGreaterValueOnBothPaths() {
        SplitMix r = new SplitMix(5);
        float[] a = new float[301];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(1000);
        }
        a[77] = Float.NaN;
        for (int from : new int[] {0, 3, 64, 290}) {
            for (float t : new float[] {-1f, 500f, 990f, 998f, 999f, Float.POSITIVE_INFINITY}) {
                int expected = a.length;
                for (int i = from; i < a.length; i++) {
                    if (a[i] > t) {
                        expected = i;
                        break;
                    }
                }
                assertEquals(expected, Vec.firstAbove(a, from, a.length, t), "from " + from + " t " + t);
                assertEquals(expected, Vec.firstAboveScalar(a, from, a.length, t), "scalar from " + from + " t " + t);
            }
        }
        assertEquals(10, Vec.firstAbove(a, 10, 10, -1f), "an empty range answers its end");
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        assertEquals(0f, Vec.cosine(new float[] {0, 0}, 0, new float[] {1, 0}, 0, 2));
        assertEquals(1f, Vec.cosine(new float[] {2, 0}, 0, new float[] {1, 0}, 0, 2), 1e-7f);
    }
}
