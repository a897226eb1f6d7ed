package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.BitSet;
import org.receco.analysis.data.RoundData;
import org.receco.core.world.Attacks;

/**
 * Where the targets of the run's shilling attacks stand in genuine users' slates this round, the common input of
 * the target metrics (Lam &amp; Riedl, WWW 2004; Mobasher et al., ACM TOIT 2007): for each target, the genuine
 * users eligible (who had not consumed it before this round), how many saw it in their top k, and the summed
 * discount 1/log2(rank + 1) of those hits. Consumption is tracked from the first round seen, for every item, so
 * targets drawn when an attack begins are judged against everything consumed before. Fake accounts never reach
 * here ({@link RoundData} leaves them out). Not thread-safe; one per metric instance.
 */
final class TargetSlates {
    private final int k;
    private BitSet[] consumed = new BitSet[0];
    private int[] targets = new int[0];
    private long[] eligible = new long[0];
    private long[] hits = new long[0];
    private double[] gain = new double[0];
    private int lastRound = -1;

    TargetSlates(int k) {
        this.k = k;
    }

    /** Updates for round {@code d.round()} (idempotent within a round); false when the run has no attack yet. */
    boolean update(RoundData d) {
        if (d.round() == lastRound) {
            return targets.length > 0;
        }
        lastRound = d.round();
        int users = d.users();
        if (consumed.length < users) {
            int old = consumed.length;
            consumed = Arrays.copyOf(consumed, Math.max(users, old * 3 / 2));
            for (int u = old; u < consumed.length; u++) {
                consumed[u] = new BitSet();
            }
        }
        targets = targetsOf(d);
        int n = targets.length;
        if (eligible.length < n) {
            eligible = new long[n];
            hits = new long[n];
            gain = new double[n];
        }
        Arrays.fill(eligible, 0, n, 0);
        Arrays.fill(hits, 0, n, 0);
        Arrays.fill(gain, 0, n, 0);
        int[] start = d.slateStart();
        int[] items = d.slateItems();
        for (int u = 0; u < users && n > 0; u++) {
            BitSet c = consumed[u];
            int len = Math.min(k, start[u + 1] - start[u]);
            for (int t = 0; t < n; t++) {
                int target = targets[t];
                if (c.get(target)) {
                    continue;
                }
                eligible[t]++;
                for (int r = 0; r < len; r++) {
                    if (items[start[u] + r] == target) {
                        hits[t]++;
                        gain[t] += RoundData.discount(r + 1);
                        break;
                    }
                }
            }
        }
        int[] cs = d.clickStart();
        int[] ci = d.clickItems();
        for (int u = 0; u < users; u++) {
            for (int x = cs[u]; x < cs[u + 1]; x++) {
                consumed[u].set(ci[x]);
            }
        }
        return n > 0;
    }

    private static int[] targetsOf(RoundData d) {
        if (d.attacks().isEmpty()) {
            return new int[0];
        }
        return d.attacks().stream().flatMapToInt(a -> Arrays.stream(a.targets())).distinct().sorted().toArray();
    }

    /** Mean over targets of the share of eligible users who saw it in their top k (NaN: nobody eligible). */
    double hitRatio() {
        return meanOver(hits, null);
    }

    /** Mean over targets of the mean discounted gain 1/log2(rank + 1) over eligible users. */
    double ndcg() {
        return meanOver(null, gain);
    }

    private double meanOver(long[] h, double[] g) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < targets.length; t++) {
            if (eligible[t] > 0) {
                sum += (h != null ? h[t] : g[t]) / (double) eligible[t];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static boolean anyAttack(RoundData d) {
        for (Attacks.Attack a : d.attacks()) {
            if (a.targetCount() > 0) {
                return true;
            }
        }
        return false;
    }
}
