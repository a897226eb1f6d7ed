package org.receco.core.util;

/**
 * Dense float vector kernels over struct-of-arrays storage: vector {@code i} of dimension {@code d} lives at
 * {@code a[i*d .. i*d+d)}. Loops are unrolled with independent accumulators so the JIT can keep several
 * multiply-adds in flight; they allocate nothing.
 */
public final class Vec {
    private Vec() {
    }

    public static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < d; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public static float norm(float[] a, int ao, int d) {
        return (float) Math.sqrt(dot(a, ao, a, ao, d));
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static float cosine(float[] a, int ao, float[] b, int bo, int d) {
        float na = norm(a, ao, d);
        float nb = norm(b, bo, d);
        if (na == 0f || nb == 0f) {
            return 0f;
        }
        return dot(a, ao, b, bo, d) / (na * nb);
    }

    public static float squaredDistance(float[] a, int ao, float[] b, int bo, int d) {
        float s = 0;
        for (int k = 0; k < d; k++) {
            float x = a[ao + k] - b[bo + k];
            s += x * x;
        }
        return s;
    }

    /** Whether {@link #dotBlock} runs on SIMD lanes (the JVM has {@code jdk.incubator.vector} and it is not off). */
    public static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("receco.noSimd");

    /**
     * Scores {@code nq} query vectors against {@code n} row vectors: {@code out[q*outStride + j] = q·row_j}.
     * Every score is the plain in-order sum {@code s = s + q[k]*row[k]}, so results are bit-identical whichever
     * kernel runs: the SIMD one (one item per vector lane, see {@code VecSimd}) when the JVM was started with
     * {@code --add-modules jdk.incubator.vector}, the scalar one otherwise.
     */
    public static void dotBlock(float[] queries, int nq, float[] rows, int n, int d, float[] out, int outStride) {
        if (SIMD) {
            VecSimd.dotBlock(queries, nq, rows, n, d, out, outStride);
        } else {
            dotBlockScalar(queries, nq, rows, 0, n, d, out, outStride);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Whether the live-item kernels take their SIMD form now. Until the JIT has compiled them, Vector API
     * operations run as object-allocating calls, tens of times slower than the scalar loops, which costs a short
     * run more than its whole scoring; {@link #warmUpAsync} therefore clears this flag and sets it again once
     * the SIMD kernel has become faster than the scalar one. The two forms give bit-identical results, so
     * when the switch happens never changes a result.
     */
    private static volatile boolean simdReady = SIMD;

    /**
     * Starts (once per JVM) a background thread that compiles the SIMD kernels on small dummy data, on a core the
     * caller is not using yet (call it before reading scenario files and building the world); the kernels run
     * scalar until then. Does nothing without SIMD.
     */
    public static void warmUpAsync() {
        if (!SIMD || !WARMED.compareAndSet(false, true)) {
            return;
        }
        simdReady = false;
        Thread t = new Thread(Vec::warmUp, "receco-simd-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void warmUp() {
        try {
            int d = 20, n = 1000, nq = 8;
            float[] cols = new float[d * n];
            float[] q = new float[nq * d];
            float[] out = new float[nq * n];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = (i % 7) * 0.1f;
            }
            java.util.Arrays.fill(q, 0.5f);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                for (int it = 0; it < 20; it++) {
                    VecSimd.dotBlockByDim(q, nq, cols, n, n, d, out, n);
                    VecSimd.firstAbove(out, 0, out.length, 1e30f);
                }
                long t1 = System.nanoTime();
                for (int it = 0; it < 20; it++) {
                    dotBlockByDimScalar(q, nq, cols, n, 0, n, d, out, n);
                    firstAboveScalar(out, 0, out.length, 1e30f);
                }
                long t2 = System.nanoTime();
                if (t1 - t0 < (t2 - t1) / 2) {
                    break;
                }
            }
        } finally {
            simdReady = true;
        }
    }

    /**
     * The first index in {@code [from, to)} whose value is greater than {@code t} (NaN never is), or {@code to}.
     * Checks a vector of values per comparison when SIMD is on; the answer is the same either way.
     */
    public static int firstAbove(float[] a, int from, int to, float t) {
        if (simdReady) {
            return VecSimd.firstAbove(a, from, to, t);
        }
        return firstAboveScalar(a, from, to, t);
    }

    static int firstAboveScalar(float[] a, int from, int to, float t) {
        for (int i = from; i < to; i++) {
            if (a[i] > t) {
                return i;
            }
        }
        return to;
    }

    /**
     * Scores {@code nq} query vectors against {@code n} items stored by attribute ({@code cols[k*colStride + j]}
     * is attribute k of item j, see {@code ItemCatalog.liveVectorsByDim}): {@code out[q*outStride + j] = q·x_j}.
     * Each score is the same in-order sum as {@link #dotBlock}'s, so the two are bit-identical; this layout
     * needs no per-call transposition, so it is the fast path for scoring live items.
     */
    public static void dotBlockByDim(float[] queries, int nq, float[] cols, int colStride, int n, int d,
                                     float[] out, int outStride) {
        if (simdReady) {
            VecSimd.dotBlockByDim(queries, nq, cols, colStride, n, d, out, outStride);
        } else {
            dotBlockByDimScalar(queries, nq, cols, colStride, 0, n, d, out, outStride);
        }
    }

    /** Scalar form over items {@code [from, to)} (see {@link #dotBlockStrided}). */
    static void dotBlockByDimScalar(float[] queries, int nq, float[] cols, int colStride, int from, int to, int d,
                                    float[] out, int outStride) {
        dotBlockStrided(queries, nq, cols, 1, colStride, from, to, d, out, outStride);
    }

    /** The scalar kernel over rows {@code [from, to)} (see {@link #dotBlockStrided}). */
    static void dotBlockScalar(float[] queries, int nq, float[] rows, int from, int to, int d, float[] out,
                               int outStride) {
        dotBlockStrided(queries, nq, rows, d, 1, from, to, d, out, outStride);
    }

    /**
     * The scalar kernel for either layout: attribute k of item j is {@code x[j*itemStride + k*attrStride]} (rows:
     * strides d and 1; by attribute: 1 and the row length). Queries are processed four at a time so each item's
     * values are loaded once per four dot products (register blocking); each score is the in-order sum
     * {@code s = s + q[k]*x[k]}, so a score never depends on the layout or on where its user falls in a block.
     */
    static void dotBlockStrided(float[] queries, int nq, float[] x, int itemStride, int attrStride, int from, int to,
                                int d, float[] out, int outStride) {
        int q = 0;
        for (; q + 3 < nq; q += 4) {
            int q0 = q * d, q1 = q0 + d, q2 = q1 + d, q3 = q2 + d;
            int o0 = q * outStride, o1 = o0 + outStride, o2 = o1 + outStride, o3 = o2 + outStride;
            for (int j = from; j < to; j++) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int k = 0, c = j * itemStride; k < d; k++, c += attrStride) {
                    float v = x[c];
                    s0 += queries[q0 + k] * v;
                    s1 += queries[q1 + k] * v;
                    s2 += queries[q2 + k] * v;
                    s3 += queries[q3 + k] * v;
                }
                out[o0 + j] = s0;
                out[o1 + j] = s1;
                out[o2 + j] = s2;
                out[o3 + j] = s3;
            }
        }
        for (; q < nq; q++) {
            int qo = q * d, oo = q * outStride;
            for (int j = from; j < to; j++) {
                float s = 0;
                for (int k = 0, c = j * itemStride; k < d; k++, c += attrStride) {
                    s += queries[qo + k] * x[c];
                }
                out[oo + j] = s;
            }
        }
    }
}
