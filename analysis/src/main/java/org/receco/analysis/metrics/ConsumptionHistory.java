package org.receco.analysis.metrics;

import java.util.Arrays;
import org.receco.core.round.RoundState;

/**
 * Every user's consumed (clicked) items in the order consumed, each with its round, so that the consumed set of
 * any user as it stood at the end of any round can be read back later. Written by one run (a study's baseline
 * arm), then read by other runs once that run has finished (the study runner orders them); not thread-safe
 * while written.
 */
public final class ConsumptionHistory {
    private int[][] items = new int[0][];
    private int[][] rounds = new int[0][];
    private int[] size = new int[0];

    /** Appends this round's clicks of every user in {@code state}. */
    void add(RoundState state) {
        int users = state.users();
        if (users > size.length) {
            int old = size.length;
            items = Arrays.copyOf(items, users);
            rounds = Arrays.copyOf(rounds, users);
            size = Arrays.copyOf(size, users);
            for (int u = old; u < users; u++) {
                items[u] = new int[8];
                rounds[u] = new int[8];
            }
        }
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < state.clickCount(u); c++) {
                int n = size[u];
                if (n == items[u].length) {
                    items[u] = Arrays.copyOf(items[u], 2 * n);
                    rounds[u] = Arrays.copyOf(rounds[u], 2 * n);
                }
                items[u][n] = state.clickItem(u, c);
                rounds[u][n] = state.round();
                size[u] = n + 1;
            }
        }
    }

    /** User u's distinct items consumed in rounds up to {@code round}, sorted. */
    int[] consumedBy(int u, int round) {
        int n = 0;
        if (u < size.length) {
            while (n < size[u] && rounds[u][n] <= round) {
                n++;
            }
        }
        return n == 0 ? new int[0] : Arrays.stream(items[u], 0, n).sorted().distinct().toArray();
    }

    /** Jaccard index of u's and v's consumed sets as they stood at the end of {@code round}; 0 when both empty. */
    public double jaccard(int u, int v, int round) {
        int[] a = consumedBy(u, round);
        int[] b = consumedBy(v, round);
        return Homogenisation.jaccard(a, a.length, b, b.length);
    }
}
