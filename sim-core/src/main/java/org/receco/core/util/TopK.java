package org.receco.core.util;

/**
 * Partial selection of the {@code k} highest scores with a bounded min-heap: no full sort, no allocation after
 * construction. Ties are broken toward the lower index so selection is deterministic: the result is the first k
 * of the total order (score descending, index ascending), whatever path computes it.
 *
 * <p>Two things keep selection cheap next to the scoring it follows (on SimuLine's sizes, 120 of 25,000 items,
 * it used to cost twice the scoring kernel; now about 5 µs a row against 40, on scores in cache):
 * <ul>
 *   <li>On long rows a sample spread over the row first estimates a threshold {@code t} that about two to three times k
 *       scores reach, and only scores {@code >= t} are offered to the heap, found a vector at a time. A plain
 *       scan of scores in random order finds about {@code k + k ln(n/k)} that beat the heap's root when they
 *       come (about 600 for 120 of 25,000), each costing a sift through the heap; above the threshold about
 *       {@code k + k ln 2.6} are left.
 *       If fewer than k scores reach {@code t} (the sample was unlucky; the margin makes it rare), the row is
 *       selected again without it. Either way the answer is exactly the plain one: when at least k scores are
 *       {@code >= t}, the k best all are.</li>
 *   <li>The heap holds one {@code long} per entry, the score's order-preserving bits above the complemented
 *       index, so "ranks above" is a single comparison.</li>
 * </ul>
 * Not thread-safe: one instance per worker thread.
 */
public final class TopK {
    /** Rows shorter than this many times k are scanned without a sampled threshold (it would not pay). */
    private static final int SAMPLE_MIN_RATIO = 16;
    private static final int SAMPLE_MAX = 1024;
    /** Neighbouring scores sampled together (one vector compare rejects them all). */
    private static final int RUN = 16;

    private long[] heap;
    private int size;
    private float[] sample = new float[64];

    public TopK(int capacity) {
        heap = new long[Math.max(1, capacity)];
    }

    /**
     * Selects the indices of the {@code k} largest finite-or-infinite scores among {@code scores[off..off+n)}
     * whose score is greater than {@code floor}, writes them to {@code out} in descending score order and
     * returns how many were written (at most k).
     */
    public int select(float[] scores, int off, int n, int k, float floor, int[] out) {
        if (k > heap.length) {
            heap = new long[k];
        }
        if (k <= 0) {
            return 0;
        }
        if (n >= SAMPLE_MIN_RATIO * k) {
            float t = sampledThreshold(scores, off, n, k, floor);
            if (t > floor) {
                int got = selectAbove(scores, off, n, k, Math.nextDown(t), out);
                if (got == k) {
                    return got;
                }
            }
        }
        return selectAbove(scores, off, n, k, floor, out);
    }

    /**
     * A score that, judged from {@code s} sampled scores of the row, at least k scores of the whole row reach
     * with high probability: the r-th largest sampled score above the floor, with r the expected number of
     * sampled top-k scores {@code μ = k s / n} plus {@code 2.5 √μ + 2} (a Poisson tail of about 1 %). Returns
     * {@code floor} when the sample has too few scores above it. The sample is {@code s / 16} runs of 16
     * neighbouring scores spread evenly over the row, so a row whose scores drift along its index is judged as a
     * whole, and a run none of whose scores beats the sample's current r-th best is passed over with one vector
     * comparison (most are, once the first runs are in).
     */
    private float sampledThreshold(float[] scores, int off, int n, int k, float floor) {
        int s = Math.min(SAMPLE_MAX, n / 4);
        int runs = s / RUN;
        s = runs * RUN;
        double mu = (double) k * s / n;
        int r = (int) Math.ceil(mu + 2.5 * Math.sqrt(mu) + 2);
        if (runs == 0 || r > s / 4) {
            return floor;
        }
        if (sample.length < r) {
            sample = new float[r];
        }
        float[] h = sample;
        int m = 0;
        long step = ((long) (n - RUN) << 16) / Math.max(1, runs - 1);
        long pos = 0;
        for (int b = 0; b < runs; b++, pos += step) {
            int end = off + (int) (pos >>> 16) + RUN;
            int j = end - RUN;
            while ((j = Vec.firstAbove(scores, j, end, m < r ? floor : h[0])) < end) {
                float v = scores[j++];
                if (m < r) {
                    floatSiftUp(h, m++, v);
                } else {
                    floatSiftDown(h, r, v);
                }
            }
        }
        return m == r ? h[0] : floor;
    }

    /** The plain selection: scores above {@code floor} offered to the heap in index order. */
    private int selectAbove(float[] scores, int off, int n, int k, float floor, int[] out) {
        size = 0;
        int end = off + n;
        int j = off;
        while (size < k) {
            j = Vec.firstAbove(scores, j, end, floor);
            if (j >= end) {
                break;
            }
            siftUp(size++, key(scores[j], j - off));
            j++;
        }
        // Once the heap is full a candidate must beat its root; later indices lose ties (the root's index is
        // lower), so the scan only looks for scores strictly above the root, a vector of scores at a time.
        if (size == k) {
            float threshold = scoreOf(heap[0]);
            while (j < end) {
                j = Vec.firstAbove(scores, j, end, threshold);
                if (j >= end) {
                    break;
                }
                replaceRoot(key(scores[j], j - off));
                threshold = scoreOf(heap[0]);
                j++;
            }
        }
        int count = size;
        // Pop in ascending order, fill from the back to get descending order.
        for (int p = count - 1; p >= 0; p--) {
            out[p] = indexOf(heap[0]);
            long last = heap[--size];
            if (size > 0) {
                replaceRoot(last);
            }
        }
        return count;
    }

    /**
     * The heap key of (score, index): larger key = ranks above. The high half is the score's bits made to order
     * as signed ints (negative floats have their magnitude bits flipped), after {@code + 0f} turns −0 into +0 so
     * that the two zeros tie as they do under {@code ==}; the low half is {@code MAX_VALUE − index}, so of equal
     * scores the lower index has the larger key. NaN never reaches here (it is never above a threshold).
     */
    static long key(float score, int index) {
        int bits = Float.floatToRawIntBits(score + 0f);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | (Integer.MAX_VALUE - index);
    }

    static float scoreOf(long key) {
        int ordered = (int) (key >> 32);
        return Float.intBitsToFloat(ordered ^ ((ordered >> 31) & 0x7fffffff));
    }

    static int indexOf(long key) {
        return Integer.MAX_VALUE - (int) key;
    }

    private void siftUp(int pos, long key) {
        long[] h = heap;
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (h[parent] > key) {
                h[pos] = h[parent];
                pos = parent;
            } else {
                break;
            }
        }
        h[pos] = key;
    }

    /** Puts {@code key} in place of the root (the smallest key) and sifts it down to restore the heap. */
    private void replaceRoot(long key) {
        long[] h = heap;
        int n = size;
        int half = n >>> 1;
        int pos = 0;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < n && h[child] > h[right]) {
                child = right;
            }
            if (key > h[child]) {
                h[pos] = h[child];
                pos = child;
            } else {
                break;
            }
        }
        h[pos] = key;
    }

    private static void floatSiftUp(float[] h, int pos, float v) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (h[parent] > v) {
                h[pos] = h[parent];
                pos = parent;
            } else {
                break;
            }
        }
        h[pos] = v;
    }

    private static void floatSiftDown(float[] h, int size, float v) {
        int pos = 0;
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < size && h[child] > h[right]) {
                child = right;
            }
            if (v > h[child]) {
                h[pos] = h[child];
                pos = child;
            } else {
                break;
            }
        }
        h[pos] = v;
    }
}
