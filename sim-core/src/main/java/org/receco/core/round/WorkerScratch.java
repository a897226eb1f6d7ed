package org.receco.core.round;

import org.receco.core.rng.SplitMix;
import org.receco.core.util.TopK;

/**
 * Per-worker-thread scratch memory, so hot loops allocate nothing per agent: grow-only float, double and int buffers
 * in numbered slots, a re-seedable generator and a top-k selector. Slots below {@link #FIRST_FREE} are the
 * kernel's; recommenders and user models use {@code FIRST_FREE} and up.
 */
public final class WorkerScratch {
    public static final int FIRST_FREE = 7;
    public static final int SLOTS = 16;

    private final int worker;
    private final float[][] floats = new float[SLOTS][0];
    private final int[][] ints = new int[SLOTS][0];
    private final double[][] doubles = new double[SLOTS][0];
    private final SplitMix rng = new SplitMix(0);
    private final TopK topK = new TopK(128);

    public WorkerScratch(int worker) {
        this.worker = worker;
    }

    /** Index of this worker, {@code 0..threads}. */
    public int worker() {
        return worker;
    }

    /** A float buffer of at least {@code n} entries in {@code slot}; contents are undefined. */
    public float[] floats(int slot, int n) {
        float[] a = floats[slot];
        if (a.length < n) {
            a = new float[Math.max(n, a.length + (a.length >> 1))];
            floats[slot] = a;
        }
        return a;
    }

    /** A double buffer of at least {@code n} entries in {@code slot} (slots apart from the float ones). */
    public double[] doubles(int slot, int n) {
        double[] a = doubles[slot];
        if (a.length < n) {
            a = new double[Math.max(n, a.length + (a.length >> 1))];
            doubles[slot] = a;
        }
        return a;
    }

    /** An int buffer of at least {@code n} entries in {@code slot}; contents are undefined. */
    public int[] ints(int slot, int n) {
        int[] a = ints[slot];
        if (a.length < n) {
            a = new int[Math.max(n, a.length + (a.length >> 1))];
            ints[slot] = a;
        }
        return a;
    }

    private int stamp;

    /** A number never returned before by this worker: marks stamped with it need no clearing. */
    public int nextStamp() {
        return ++stamp;
    }

    public SplitMix rng() {
        return rng;
    }

    public TopK topK() {
        return topK;
    }
}
