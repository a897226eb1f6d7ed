package org.receco.core.util;

/**
 * Partial selection of the {@code k} highest scores with a bounded min-heap: O(n log k) worst case and close
 * to O(n) in practice, since most candidates lose to the heap's root with one comparison. No full sort, no
 * allocation after construction. Ties are broken toward the lower index so selection is deterministic.
 * Not thread-safe: one instance per worker thread.
 */
public final class TopK {
    private int[] heapIdx;
    private float[] heapScore;
    private int size;

    public TopK(int capacity) {
        heapIdx = new int[Math.max(1, capacity)];
        heapScore = new float[Math.max(1, capacity)];
    }

    /**
     * Selects the indices of the {@code k} largest finite-or-infinite scores among {@code scores[off..off+n)}
     * whose score is greater than {@code floor}, writes them to {@code out} in descending score order and
     * returns how many were written (at most k).
     */
    public int select(float[] scores, int off, int n, int k, float floor, int[] out) {
        if (k > heapIdx.length) {
            heapIdx = new int[k];
            heapScore = new float[k];
        }
        size = 0;
        if (k <= 0) {
            return 0;
        }
        int j = 0;
        for (; j < n && size < k; j++) {
            float s = scores[off + j];
            if (s > floor) {
                siftUp(size++, j, s);
            }
        }
        // Once the heap is full a candidate must beat its root; later indices lose ties (the root's index is
        // lower), so the scan only looks for scores strictly above the root, a vector of scores at a time.
        if (size == k) {
            float threshold = heapScore[0];
            while (j < n) {
                int hit = Vec.firstAbove(scores, off + j, off + n, threshold) - off;
                if (hit >= n) {
                    break;
                }
                siftDown(0, hit, scores[off + hit]);
                threshold = heapScore[0];
                j = hit + 1;
            }
        }
        int count = size;
        // Pop in ascending order, fill from the back to get descending order.
        for (int p = count - 1; p >= 0; p--) {
            out[p] = heapIdx[0];
            int lastIdx = heapIdx[size - 1];
            float lastScore = heapScore[size - 1];
            size--;
            if (size > 0) {
                siftDown(0, lastIdx, lastScore);
            }
        }
        return count;
    }

    /** True when (s, i) ranks above (t, j): higher score, or equal score and lower index. */
    private static boolean better(float s, int i, float t, int j) {
        return s > t || (s == t && i < j);
    }

    private void siftUp(int pos, int idx, float score) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (better(heapScore[parent], heapIdx[parent], score, idx)) {
                heapIdx[pos] = heapIdx[parent];
                heapScore[pos] = heapScore[parent];
                pos = parent;
            } else {
                break;
            }
        }
        heapIdx[pos] = idx;
        heapScore[pos] = score;
    }

    private void siftDown(int pos, int idx, float score) {
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < size && better(heapScore[child], heapIdx[child], heapScore[right], heapIdx[right])) {
                child = right;
            }
            if (better(score, idx, heapScore[child], heapIdx[child])) {
                heapIdx[pos] = heapIdx[child];
                heapScore[pos] = heapScore[child];
                pos = child;
            } else {
                break;
            }
        }
        heapIdx[pos] = idx;
        heapScore[pos] = score;
    }
}
