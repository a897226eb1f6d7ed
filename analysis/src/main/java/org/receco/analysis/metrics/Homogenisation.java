package org.receco.analysis.metrics;

import java.util.Arrays;
import org.receco.core.round.RoundState;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;

/**
 * Jaccard homogenisation H = mean over user pairs (u, v) of |S_u ∩ S_v| / |S_u ∪ S_v|, where S is what the user
 * clicked this round ({@code homogenisation.click}) or was shown this round ({@code homogenisation.exposure}).
 * Pairs are drawn once, uniformly at random among the initial users, from this observer's own random stream
 * (Chaney, Stewart &amp; Engelhardt, RecSys 2018; SimuLine samples users the same way). Pairs where both sets
 * are empty count as 0.
 */
public final class Homogenisation implements Observer {
    public static final String CLICK = "homogenisation.click", EXPOSURE = "homogenisation.exposure";
    private final int pairCount;
    private int[] pairs = new int[0];
    private int[] a = new int[0];
    private int[] b = new int[0];

    public Homogenisation(int pairCount) {
        if (pairCount < 1) {
            throw new IllegalArgumentException("pairCount must be at least 1");
        }
        this.pairCount = pairCount;
    }

    @Override
    public String name() {
        return "homogenisation";
    }

    @Override
    public void start(RoundView view) {
        int users = view.world().users().count();
        if (users < 2) {
            pairs = new int[0];
            return;
        }
        SplitMix rng = view.streams().stream("observer.homogenisation.pairs");
        pairs = new int[2 * pairCount];
        for (int p = 0; p < pairCount; p++) {
            int u = rng.nextInt(users);
            int v = rng.nextInt(users - 1);
            if (v >= u) {
                v++;
            }
            pairs[2 * p] = u;
            pairs[2 * p + 1] = v;
        }
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        RoundState s = view.state();
        int n = pairs.length / 2;
        double clicks = 0;
        double shown = 0;
        for (int p = 0; p < n; p++) {
            int u = pairs[2 * p];
            int v = pairs[2 * p + 1];
            clicks += jaccard(clickSet(s, u, true), s.clickCount(u), clickSet(s, v, false), s.clickCount(v));
            shown += jaccard(slateSet(s, u, true), s.slateLength(u), slateSet(s, v, false), s.slateLength(v));
        }
        out.record(CLICK, n == 0 ? 0 : clicks / n);
        out.record(EXPOSURE, n == 0 ? 0 : shown / n);
    }

    private int[] clickSet(RoundState s, int u, boolean first) {
        int len = s.clickCount(u);
        int[] buf = grow(first, len);
        for (int c = 0; c < len; c++) {
            buf[c] = s.clickItem(u, c);
        }
        Arrays.sort(buf, 0, len);
        return buf;
    }

    private int[] slateSet(RoundState s, int u, boolean first) {
        int len = s.slateLength(u);
        int[] buf = grow(first, len);
        System.arraycopy(s.slates(), u * s.slateCapacity(), buf, 0, len);
        Arrays.sort(buf, 0, len);
        return buf;
    }

    private int[] grow(boolean first, int len) {
        if (first) {
            if (a.length < len) {
                a = new int[len];
            }
            return a;
        }
        if (b.length < len) {
            b = new int[len];
        }
        return b;
    }

    /** Jaccard index of two sorted sets without duplicates; 0 when both are empty. */
    static double jaccard(int[] x, int nx, int[] y, int ny) {
        if (nx == 0 && ny == 0) {
            return 0;
        }
        int i = 0, j = 0, common = 0;
        while (i < nx && j < ny) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (nx + ny - common);
    }
}
