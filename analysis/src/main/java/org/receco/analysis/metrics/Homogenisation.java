package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;

/**
 * Jaccard homogenisation H = mean over user pairs (u, v) of |S_u ∩ S_v| / |S_u ∪ S_v|, where S is what the user
 * clicked this round ({@code homogenisation.click}) or was shown this round ({@code homogenisation.exposure}).
 * {@link MetricConfig#homogenisationPairs()} pairs of distinct users are drawn uniformly, once, among the users
 * of the first round, from the stream {@value #STREAM} (so the pairs are the same live and offline and never
 * change the run). Pairs where both sets are empty count as 0. Chaney, Stewart &amp; Engelhardt, "How
 * Algorithmic Confounding in Recommendation Systems Increases Homogeneity and Decreases Utility" (RecSys
 * 2018), and T-RECS's InteractionSimilarity / RecSimilarity (Lucherini et al., "T-RECS: A Simulation Tool to
 * Study the Societal Impact of Recommender Systems", 2021); SimuLine samples users the same way (Zhang et al.,
 * "Simulating News Recommendation Ecosystems for Insights and Implications", IEEE TCSS 2024).
 */
public final class Homogenisation implements Metric {
    public static final String CLICK = "homogenisation.click", EXPOSURE = "homogenisation.exposure";
    static final String STREAM = "observer.homogenisation.pairs";

    private final boolean clicks;
    private final int pairCount;
    private SplitMix rng;
    private int[] pairs;
    private int[] a = new int[0];
    private int[] b = new int[0];

    /** @param clicks true for clicked sets, false for shown sets */
    public Homogenisation(boolean clicks, int pairCount) {
        if (pairCount < 1) {
            throw new IllegalArgumentException("pairCount must be at least 1");
        }
        this.clicks = clicks;
        this.pairCount = pairCount;
    }

    @Override
    public String name() {
        return clicks ? CLICK : EXPOSURE;
    }

    @Override
    public String family() {
        return "homogenisation";
    }

    @Override
    public String definition() {
        return "mean Jaccard index of the " + (clicks ? "clicked" : "shown") + " sets of sampled user pairs this round";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(clicks ? Need.CLICKS : Need.SLATES);
    }

    @Override
    public void start(RandomStreams streams) {
        rng = streams.stream(STREAM);
        pairs = null;
    }

    @Override
    public double compute(RoundData d) {
        if (pairs == null) {
            drawPairs(d.users());
        }
        int[] start = clicks ? d.clickStart() : d.slateStart();
        int[] items = clicks ? d.clickItems() : d.slateItems();
        int n = pairs.length / 2;
        double sum = 0;
        for (int p = 0; p < n; p++) {
            int u = pairs[2 * p];
            int v = pairs[2 * p + 1];
            if (v >= d.users()) {
                continue;
            }
            int nu = start[u + 1] - start[u];
            int nv = start[v + 1] - start[v];
            a = copySorted(items, start[u], nu, a);
            b = copySorted(items, start[v], nv, b);
            sum += jaccard(a, nu, b, nv);
        }
        return n == 0 ? 0 : sum / n;
    }

    private void drawPairs(int users) {
        if (users < 2) {
            pairs = new int[0];
            return;
        }
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

    private static int[] copySorted(int[] src, int from, int len, int[] buf) {
        if (buf.length < len) {
            buf = new int[Math.max(len, buf.length * 2)];
        }
        System.arraycopy(src, from, buf, 0, len);
        Arrays.sort(buf, 0, len);
        return buf;
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
