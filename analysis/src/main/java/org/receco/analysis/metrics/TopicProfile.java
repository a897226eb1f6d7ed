package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * Topic concentration of what each user consumed over the last {@link MetricConfig#topicWindow()} rounds
 * (this one included): p_uc = share of u's clicks in that window on items of topic c. Averaged over users
 * with at least one click in the window:
 * <ul>
 *   <li>{@code topic.entropy}: H_u = −Σ_c p_uc ln p_uc (nats);</li>
 *   <li>{@code topic.distinct}: number of distinct topics clicked;</li>
 *   <li>{@code topic.top1.share}: max_c p_uc;</li>
 *   <li>{@code topic.top1.rising}: share of users whose top-1 share rose in each of the last two rounds
 *       (p_t &gt; p_{t−1} &gt; p_{t−2}; users with all three defined).</li>
 * </ul>
 * The filter-bubble / information-cocoon measures of RecAgent (Wang et al., "User Behavior Simulation with
 * Large Language Model-based Agents", ACM TOIS 2024) and Mansoury et al. ("Feedback Loop and Bias Amplification
 * in Recommender Systems", CIKM 2020). Item topics are as at publication.
 */
public final class TopicProfile implements Metric {
    /** Which statistic. */
    public enum Kind { ENTROPY, DISTINCT, TOP1, RISING }

    private final Kind kind;
    private final int window;
    private int topics;
    private int users;
    private int[][] ring = new int[0][];
    private int[] totals = new int[0];
    private double[] last1 = new double[0];
    private double[] last2 = new double[0];
    private int lastRound = Integer.MIN_VALUE;

    public TopicProfile(Kind kind, int window) {
        this.kind = kind;
        this.window = window;
    }

    @Override
    public String name() {
        return switch (kind) {
            case ENTROPY -> "topic.entropy";
            case DISTINCT -> "topic.distinct";
            case TOP1 -> "topic.top1.share";
            case RISING -> "topic.top1.rising";
        };
    }

    @Override
    public String family() {
        return "topic";
    }

    @Override
    public String definition() {
        return switch (kind) {
            case ENTROPY -> "mean entropy (nats) of users' clicked topics over the last metrics.topicWindow rounds";
            case DISTINCT -> "mean number of distinct topics users clicked over the window";
            case TOP1 -> "mean share of users' top topic among their clicks over the window";
            case RISING -> "share of users whose top-topic share rose in each of the last two rounds";
        };
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.CLICKS);
    }

    @Override
    public double compute(RoundData d) {
        if (d.round() != lastRound + 1) {
            reset();
        }
        lastRound = d.round();
        int maxTopic = 0;
        for (int k = 0, e = d.clickStart()[d.users()]; k < e; k++) {
            maxTopic = Math.max(maxTopic, d.itemTopic(d.clickItems()[k]) + 1);
        }
        grow(d.users(), maxTopic);
        int[] slot = ring[d.round() % window];
        int[] cs = d.clickStart();
        int[] ci = d.clickItems();
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < topics; c++) {
                totals[u * topics + c] -= slot[u * topics + c];
                slot[u * topics + c] = 0;
            }
            if (u < d.users()) {
                for (int k = cs[u]; k < cs[u + 1]; k++) {
                    slot[u * topics + d.itemTopic(ci[k])]++;
                }
            }
            for (int c = 0; c < topics; c++) {
                totals[u * topics + c] += slot[u * topics + c];
            }
        }
        double sum = 0;
        int counted = 0;
        for (int u = 0; u < users; u++) {
            long n = 0;
            int best = 0;
            int distinct = 0;
            for (int c = 0; c < topics; c++) {
                int x = totals[u * topics + c];
                n += x;
                best = Math.max(best, x);
                if (x > 0) {
                    distinct++;
                }
            }
            double top = n == 0 ? Double.NaN : (double) best / n;
            if (kind == Kind.RISING) {
                if (!Double.isNaN(top) && !Double.isNaN(last1[u]) && !Double.isNaN(last2[u])) {
                    counted++;
                    if (top > last1[u] && last1[u] > last2[u]) {
                        sum++;
                    }
                }
                last2[u] = last1[u];
                last1[u] = top;
                continue;
            }
            if (n == 0) {
                continue;
            }
            counted++;
            switch (kind) {
                case ENTROPY -> {
                    double h = 0;
                    for (int c = 0; c < topics; c++) {
                        int x = totals[u * topics + c];
                        if (x > 0) {
                            double p = (double) x / n;
                            h -= p * Math.log(p);
                        }
                    }
                    sum += h;
                }
                case DISTINCT -> sum += distinct;
                case TOP1 -> sum += top;
                default -> throw new AssertionError();
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    private void reset() {
        users = 0;
        topics = 0;
        ring = new int[0][];
        totals = new int[0];
    }

    /** Grows the per-user topic tables to {@code u} users and {@code t} topics, keeping their contents. */
    private void grow(int u, int t) {
        if (u <= users && t <= topics && ring.length == window) {
            return;
        }
        int nu = Math.max(u, users);
        int nt = Math.max(t, topics);
        int[][] r = new int[window][nu * nt];
        int[] tot = new int[nu * nt];
        for (int w = 0; w < ring.length; w++) {
            for (int x = 0; x < users; x++) {
                System.arraycopy(ring[w], x * topics, r[w], x * nt, topics);
            }
        }
        for (int x = 0; x < users; x++) {
            System.arraycopy(totals, x * topics, tot, x * nt, topics);
        }
        ring = r;
        totals = tot;
        if (last1.length < nu) {
            int old = last1.length;
            last1 = Arrays.copyOf(last1, nu);
            last2 = Arrays.copyOf(last2, nu);
            Arrays.fill(last1, old, nu, Double.NaN);
            Arrays.fill(last2, old, nu, Double.NaN);
        }
        users = nu;
        topics = nt;
    }
}
