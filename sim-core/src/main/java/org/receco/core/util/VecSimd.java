package org.receco.core.util;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD form of {@link Vec#dotBlock}, on the JDK's incubating Vector API (used only when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}; {@link Vec} falls back to scalar code otherwise).
 *
 * <p>Rows are transposed one tile of {@code L} items at a time (L = the preferred vector length) so that each
 * vector lane is one item; lane j then accumulates {@code s = s + q[k] * x_j[k]} over k in order, with a separate
 * multiply and add — exactly the scalar kernel's arithmetic, so results are bit-identical to it.
 */
final class VecSimd {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[0]);

    private VecSimd() {
    }

    static void dotBlock(float[] queries, int nq, float[] rows, int n, int d, float[] out, int outStride) {
        float[] tile = TILE.get();
        if (tile.length < d * L) {
            tile = new float[d * L];
            TILE.set(tile);
        }
        int full = n - n % L;
        for (int j0 = 0; j0 < full; j0 += L) {
            for (int t = 0; t < L; t++) {
                int r = (j0 + t) * d;
                for (int k = 0; k < d; k++) {
                    tile[k * L + t] = rows[r + k];
                }
            }
            int q = 0;
            for (; q + 3 < nq; q += 4) {
                int q0 = q * d, q1 = q0 + d, q2 = q1 + d, q3 = q2 + d;
                FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
                for (int k = 0; k < d; k++) {
                    FloatVector x = FloatVector.fromArray(SPECIES, tile, k * L);
                    a0 = a0.add(x.mul(queries[q0 + k]));
                    a1 = a1.add(x.mul(queries[q1 + k]));
                    a2 = a2.add(x.mul(queries[q2 + k]));
                    a3 = a3.add(x.mul(queries[q3 + k]));
                }
                a0.intoArray(out, q * outStride + j0);
                a1.intoArray(out, (q + 1) * outStride + j0);
                a2.intoArray(out, (q + 2) * outStride + j0);
                a3.intoArray(out, (q + 3) * outStride + j0);
            }
            for (; q < nq; q++) {
                int qo = q * d;
                FloatVector a = FloatVector.zero(SPECIES);
                for (int k = 0; k < d; k++) {
                    a = a.add(FloatVector.fromArray(SPECIES, tile, k * L).mul(queries[qo + k]));
                }
                a.intoArray(out, q * outStride + j0);
            }
        }
        if (full < n) {
            Vec.dotBlockScalar(queries, nq, rows, full, n, d, out, outStride);
        }
    }

    static void dotBlockByDim(float[] queries, int nq, float[] cols, int colStride, int n, int d, float[] out,
                              int outStride) {
        int full = n - n % L;
        int q = 0;
        for (; q + 3 < nq; q += 4) {
            int q0 = q * d, q1 = q0 + d, q2 = q1 + d, q3 = q2 + d;
            int o0 = q * outStride, o1 = o0 + outStride, o2 = o1 + outStride, o3 = o2 + outStride;
            for (int j0 = 0; j0 < full; j0 += L) {
                FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
                for (int k = 0, c = j0; k < d; k++, c += colStride) {
                    FloatVector x = FloatVector.fromArray(SPECIES, cols, c);
                    a0 = a0.add(x.mul(queries[q0 + k]));
                    a1 = a1.add(x.mul(queries[q1 + k]));
                    a2 = a2.add(x.mul(queries[q2 + k]));
                    a3 = a3.add(x.mul(queries[q3 + k]));
                }
                a0.intoArray(out, o0 + j0);
                a1.intoArray(out, o1 + j0);
                a2.intoArray(out, o2 + j0);
                a3.intoArray(out, o3 + j0);
            }
        }
        for (; q < nq; q++) {
            int qo = q * d, oo = q * outStride;
            for (int j0 = 0; j0 < full; j0 += L) {
                FloatVector a = FloatVector.zero(SPECIES);
                for (int k = 0, c = j0; k < d; k++, c += colStride) {
                    a = a.add(FloatVector.fromArray(SPECIES, cols, c).mul(queries[qo + k]));
                }
                a.intoArray(out, oo + j0);
            }
        }
        if (full < n) {
            Vec.dotBlockByDimScalar(queries, nq, cols, colStride, full, n, d, out, outStride);
        }
    }

    static int firstAbove(float[] a, int from, int to, float t) {
        int i = from;
        for (int bound = to - L; i <= bound; i += L) {
            VectorMask<Float> above = FloatVector.fromArray(SPECIES, a, i).compare(VectorOperators.GT, t);
            if (above.anyTrue()) {
                return i + above.firstTrue();
            }
        }
        return Vec.firstAboveScalar(a, i, to, t);
    }
}
