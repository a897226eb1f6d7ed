package org.receco.analysis.metrics;

import java.util.Arrays;
import org.receco.analysis.data.RoundData;

/**
 * The popularity split of the live items used by the long-tail metrics of Abdollahpouri, Burke &amp; Mobasher,
 * "Managing Popularity Bias in Recommender Systems with Personalized Re-ranking" (FLAIRS 2019). Convention: the head is
 * the most popular live items, by φ(i) = clicks in earlier rounds, taken in decreasing φ (ties by lower id)
 * until they cover at least 20 % of the live items' total φ; items with φ = 0 are never in the head; the long
 * tail Γ is every other live item. With no clicks yet, every live item is in the tail.
 */
final class HeadTail {
    static final double HEAD_SHARE = 0.2;
    private long[] keys = new long[0];
    private boolean[] head = new boolean[0];

    /** Recomputes the split for round {@code d}; returns the head mask by item id. */
    boolean[] compute(RoundData d) {
        int n = d.liveCount();
        int[] live = d.live();
        long[] phi = d.popularity();
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 3 / 2)];
        }
        if (head.length < d.itemCount()) {
            head = new boolean[Math.max(d.itemCount(), head.length * 2)];
        }
        long total = 0;
        for (int j = 0; j < n; j++) {
            int i = live[j];
            head[i] = false;
            total += phi[i];
            keys[j] = ((Integer.MAX_VALUE - phi[i]) << 32) | i;
        }
        Arrays.sort(keys, 0, n);
        long covered = 0;
        for (int j = 0; j < n && total > 0 && covered < HEAD_SHARE * total; j++) {
            int i = (int) keys[j];
            if (phi[i] == 0) {
                break;
            }
            head[i] = true;
            covered += phi[i];
        }
        return head;
    }
}
