package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code fairness.pop.rsp}: PopRSP, ranking-based statistical parity between the popular (head) and long-tail
 * live items of {@link HeadTail}: P(R | g) = Σ_u |L_u ∩ g| / Σ_u |g \ C_u| for g ∈ {head, tail}, where L_u is
 * u's whole slate this round, C_u the items u clicked in earlier rounds and u ranges over this round's users;
 * RSP = std_g P / mean_g P (population std over the two groups). 0 = parity; higher = less fair. Zhu, Wang &amp;
 * Caverlee, "Measuring and Mitigating Item Under-Recommendation Bias in Personalized Ranking Systems"
 * (SIGIR 2020). NaN (not recorded) while the head is empty. (PopREO needs the
 * items every user would like, T_u, which only the ground truth knows; it is not provided.)
 */
public final class PopularityRsp implements Metric {
    private final HeadTail split = new HeadTail();
    private long[] table = new long[1 << 12];
    private int size;
    private int[] clickers = new int[0];

    @Override
    public String name() {
        return "fairness.pop.rsp";
    }

    @Override
    public String family() {
        return "fairness.popularity";
    }

    @Override
    public String definition() {
        return "PopRSP: std/mean over head and tail of P(recommended | item not yet consumed) (Zhu et al. 2020)";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.SLATES, Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        if (clickers.length < d.itemCount()) {
            clickers = Arrays.copyOf(clickers, Math.max(d.itemCount(), clickers.length * 2));
        }
        boolean[] head = split.compute(d);
        int[] live = d.live();
        long users = d.users();
        long headItems = 0;
        long denomHead = 0;
        long denomTail = 0;
        for (int j = 0; j < d.liveCount(); j++) {
            int i = live[j];
            long open = users - clickers[i];
            if (head[i]) {
                headItems++;
                denomHead += open;
            } else {
                denomTail += open;
            }
        }
        long numHead = 0;
        long numTail = 0;
        int[] items = d.slateItems();
        int total = d.slateStart()[d.users()];
        for (int k = 0; k < total; k++) {
            if (head[items[k]]) {
                numHead++;
            } else {
                numTail++;
            }
        }
        remember(d);
        if (headItems == 0 || denomHead == 0 || denomTail == 0) {
            return Double.NaN;
        }
        double ph = (double) numHead / denomHead;
        double pt = (double) numTail / denomTail;
        double mean = (ph + pt) / 2;
        return mean == 0 ? Double.NaN : (Math.abs(ph - pt) / 2) / mean;
    }

    /** Adds this round's clicks to the consumed sets (distinct user–item pairs). */
    private void remember(RoundData d) {
        int[] cs = d.clickStart();
        int[] ci = d.clickItems();
        if ((size + cs[d.users()]) * 2 > table.length) {
            rehash(d.liveCount() == 0 ? 0 : d.live()[0], size + cs[d.users()]);
        }
        for (int u = 0; u < d.users(); u++) {
            for (int k = cs[u]; k < cs[u + 1]; k++) {
                if (add(((long) u << 32) | ci[k])) {
                    clickers[ci[k]]++;
                }
            }
        }
    }

    private boolean add(long key) {
        int mask = table.length - 1;
        int h = (int) (org.receco.core.rng.RandomStreams.mix(key) & mask);
        while (table[h] != 0) {
            if (table[h] == key + 1) {
                return false;
            }
            h = (h + 1) & mask;
        }
        table[h] = key + 1;
        size++;
        return true;
    }

    /** Drops pairs of items older than {@code minLive} (retired: never counted again) and grows for {@code need}. */
    private void rehash(int minLive, int need) {
        long[] old = table;
        int kept = 0;
        for (long k : old) {
            if (k != 0 && (int) (k - 1) >= minLive) {
                kept++;
            }
        }
        int cap = table.length;
        while (cap < 4 * Math.max(kept, need)) {
            cap *= 2;
        }
        table = new long[cap];
        size = 0;
        for (long k : old) {
            if (k != 0 && (int) (k - 1) >= minLive) {
                add(k - 1);
            }
        }
    }
}
