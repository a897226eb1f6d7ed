package org.receco.analysis.metrics;

import java.util.Arrays;
import org.receco.core.round.RoundState;

/**
 * Every user's cumulative set of consumed (clicked) items, each kept as a sorted array without duplicates, fed
 * one round at a time; shared by the feedback-loop homogenisation observers. Not thread-safe.
 */
final class ConsumedSets {
    private int[][] items = new int[0][];
    private int[] size = new int[0];

    /** Adds this round's clicks of every user in {@code state}. */
    void add(RoundState state) {
        int users = state.users();
        if (users > size.length) {
            int old = size.length;
            items = Arrays.copyOf(items, users);
            size = Arrays.copyOf(size, users);
            for (int u = old; u < users; u++) {
                items[u] = new int[8];
            }
        }
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < state.clickCount(u); c++) {
                insert(u, state.clickItem(u, c));
            }
        }
    }

    private void insert(int u, int item) {
        int n = size[u];
        int[] a = items[u];
        int at = Arrays.binarySearch(a, 0, n, item);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            items[u] = a;
        }
        System.arraycopy(a, at, a, at + 1, n - at);
        a[at] = item;
        size[u] = n + 1;
    }

    int users() {
        return size.length;
    }

    /** Jaccard index |C_u ∩ C_v| / |C_u ∪ C_v| of two users' consumed sets; 0 when both are empty. */
    double jaccard(int u, int v) {
        if (u >= size.length || v >= size.length) {
            return 0;
        }
        return Homogenisation.jaccard(items[u], size[u], items[v], size[v]);
    }
}
