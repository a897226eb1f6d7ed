package org.receco.analysis.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.receco.analysis.data.RoundData;
import org.receco.core.RecEcoModel;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.util.TopK;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.UserStore;

/**
 * Popularity-bias amplification and its unequal cost, after Mansoury, Abdollahpouri, Pechenizkiy, Mobasher
 * &amp; Burke, "Feedback Loop and Bias Amplification in Recommender Systems" (CIKM 2020), who compare a
 * minority and a majority user group. Here the groups are defined by taste: the {@code nicheShare} of users
 * whose initial true preference vector is farthest (Euclidean) from the mean initial preference are
 * <em>niche</em>, the rest <em>mainstream</em>. Every round it records
 * <ul>
 *   <li>{@code precision.niche}, {@code precision.mainstream}: mean share of a user's slate that lies in the
 *       user's true top-|slate| among live items it may still be shown (not consumed, when repeats are
 *       forbidden) — accuracy against the truth, 1 under {@code ideal};</li>
 *   <li>{@code ndcg.niche}, {@code ndcg.mainstream}: mean NDCG of a user's slate with the user's true utility
 *       of each item as its graded gain (Järvelin &amp; Kekäläinen, TOIS 2002): DCG = Σ_p max(0, u(slate_p)) /
 *       log2(p + 1) over ranks p from 1, divided by the DCG of the user's true top-|slate| in true order —
 *       1 under {@code ideal}. Unlike precision, which in a catalogue of ~1,000 items sits near 0 for any
 *       recommender that is not nearly ideal, it also credits near misses, so it separates the groups;</li>
 *   <li>{@code utility.niche}, {@code utility.mainstream}: mean true utility of the items consumed;</li>
 *   <li>{@code popularity.slate_live_ratio}: mean popularity (consumptions so far) of slate items over the mean
 *       popularity of live items (1 = slates as popular as the catalogue; higher = popularity bias). Not
 *       {@code popularity.lift}, which is ΔGAP against the clicked items ({@link PopularityLift}).</li>
 * </ul>
 * Costs O(users · live items) per round (true utility of every live item), like the {@code ideal} recommender.
 */
public final class MainstreamNicheGap implements Observer {
    public static final String PRECISION_NICHE = "precision.niche", PRECISION_MAINSTREAM = "precision.mainstream",
            NDCG_NICHE = "ndcg.niche", NDCG_MAINSTREAM = "ndcg.mainstream", UTILITY_NICHE = "utility.niche", UTILITY_MAINSTREAM = "utility.mainstream",
            SLATE_LIVE_RATIO = "popularity.slate_live_ratio";

    /** Every name this observer records with its one-line definition, in the order recorded (the catalogue's). */
    public static final Map<String, String> DEFINITIONS = definitions();
    private static final int BLOCK = 8;

    private final double nicheShare;
    private final WorkerScratch scratch = new WorkerScratch(0);
    private final TopK topK = new TopK(64);
    private boolean[] niche = new boolean[0];
    private float[] util = new float[0];
    private int[] top = new int[0];
    private int[] mark = new int[0];
    private int stamp;

    public MainstreamNicheGap(double nicheShare) {
        if (!(nicheShare > 0 && nicheShare < 1)) {
            throw new IllegalArgumentException("nicheShare must be in (0, 1), got " + nicheShare);
        }
        this.nicheShare = nicheShare;
    }

    @Override
    public String name() {
        return "mainstream-niche";
    }

    @Override
    public void start(RoundView view) {
        UserStore users = view.world().users();
        int n = users.count();
        int d = users.dims();
        float[] init = users.initialPrefs();
        double[] mean = new double[d];
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < d; k++) {
                mean[k] += init[u * d + k] / (double) n;
            }
        }
        double[] dist = new double[n];
        for (int u = 0; u < n; u++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double x = init[u * d + k] - mean[k];
                s += x * x;
            }
            dist[u] = s;
        }
        double[] sorted = dist.clone();
        java.util.Arrays.sort(sorted);
        int nicheCount = Math.max(1, (int) Math.round(nicheShare * n));
        double threshold = sorted[n - nicheCount];
        niche = new boolean[n];
        for (int u = 0; u < n; u++) {
            niche[u] = dist[u] >= threshold;
        }
    }

    /** Whether user u is in the niche group (for tests). */
    public boolean isNiche(int u) {
        return u < niche.length && niche[u];
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        RoundState state = view.state();
        ItemCatalog live = view.world().items();
        ItemStats stats = view.world().stats();
        int n = live.liveCount();
        int users = Math.min(state.users(), niche.length);
        if (n == 0 || users == 0) {
            return;
        }
        RecEcoModel model = view instanceof RecEcoModel m ? m : null;
        boolean repeats = model == null
                || model.config().slate().repeats() == org.receco.core.config.SlateSpec.Repeats.allow;
        if (util.length < BLOCK * n) {
            util = new float[BLOCK * n];
        }
        if (mark.length < n) {
            mark = new int[n];
        }
        double[] precision = new double[2];
        double[] ndcg = new double[2];
        double[] utility = new double[2];
        int[] users2 = new int[2];
        int[] clicks2 = new int[2];
        for (int b = 0; b < users; b += BLOCK) {
            int e = Math.min(users, b + BLOCK);
            view.world().utility().utilityOfLive(b, e, live, util, 0, n, scratch);
            for (int u = b; u < e; u++) {
                int g = niche[u] ? 1 : 0;
                int len = state.slateLength(u);
                int off = (u - b) * n;
                if (!repeats) {
                    for (int j = 0; j < n; j++) {
                        if (model.composer().hasConsumed(u, live.liveItem(j))
                                && !clickedNow(state, u, live.liveItem(j))) {
                            util[off + j] = Float.NEGATIVE_INFINITY;
                        }
                    }
                }
                if (top.length < len) {
                    top = new int[len];
                }
                int got = topK.select(util, off, n, len, Float.NEGATIVE_INFINITY, top);
                stamp++;
                for (int t = 0; t < got; t++) {
                    mark[top[t]] = stamp;
                }
                int hits = 0;
                double dcg = 0;
                for (int p = 0; p < len; p++) {
                    int j = live.liveIndexOf(state.slateItem(u, p));
                    if (j >= 0 && mark[j] == stamp) {
                        hits++;
                    }
                    if (j >= 0) {
                        dcg += gain(util[off + j]) * RoundData.discount(p + 1);
                    }
                }
                double idcg = 0;
                for (int t = 0; t < got; t++) {
                    idcg += gain(util[off + top[t]]) * RoundData.discount(t + 1);
                }
                if (len > 0) {
                    precision[g] += (double) hits / len;
                    // A user none of whose items has positive utility has nothing to rank: a perfect score.
                    ndcg[g] += idcg > 0 ? dcg / idcg : 1;
                    users2[g]++;
                }
                for (int c = 0; c < state.clickCount(u); c++) {
                    utility[g] += state.clickUtility(u, c);
                    clicks2[g]++;
                }
            }
        }
        out.record(PRECISION_MAINSTREAM, users2[0] == 0 ? 0 : precision[0] / users2[0]);
        out.record(PRECISION_NICHE, users2[1] == 0 ? 0 : precision[1] / users2[1]);
        out.record(NDCG_MAINSTREAM, users2[0] == 0 ? 0 : ndcg[0] / users2[0]);
        out.record(NDCG_NICHE, users2[1] == 0 ? 0 : ndcg[1] / users2[1]);
        out.record(UTILITY_MAINSTREAM, clicks2[0] == 0 ? 0 : utility[0] / clicks2[0]);
        out.record(UTILITY_NICHE, clicks2[1] == 0 ? 0 : utility[1] / clicks2[1]);
        double slatePop = 0;
        long slateItems = 0;
        for (int u = 0; u < state.users(); u++) {
            for (int p = 0; p < state.slateLength(u); p++) {
                slatePop += stats.clicks(state.slateItem(u, p));
                slateItems++;
            }
        }
        double livePop = 0;
        for (int j = 0; j < n; j++) {
            livePop += stats.clicks(live.liveItem(j));
        }
        double liveMean = livePop / n;
        out.record(SLATE_LIVE_RATIO, slateItems == 0 || liveMean == 0 ? 1 : (slatePop / slateItems) / liveMean);
    }

    private static Map<String, String> definitions() {
        Map<String, String> m = new LinkedHashMap<>();
        String share = "share of the slate in the user's true top-|slate| of live items, mean over ";
        m.put(PRECISION_NICHE, share + "niche users (Mansoury et al. 2020)");
        m.put(PRECISION_MAINSTREAM, share + "mainstream users (Mansoury et al. 2020)");
        String ndcg = "NDCG of the slate with true utility as graded gain, mean over ";
        m.put(NDCG_NICHE, ndcg + "niche users (Järvelin & Kekäläinen 2002)");
        m.put(NDCG_MAINSTREAM, ndcg + "mainstream users (Järvelin & Kekäläinen 2002)");
        m.put(UTILITY_NICHE, "mean true utility of the items niche users consumed in the round");
        m.put(UTILITY_MAINSTREAM, "mean true utility of the items mainstream users consumed in the round");
        m.put(SLATE_LIVE_RATIO, "mean popularity of slate items over mean popularity of live items "
                + "(Mansoury et al. 2020)");
        return Collections.unmodifiableMap(m);
    }

    /** An item's graded gain: its true utility, none for items the user would rather not have (or not show). */
    private static double gain(float utility) {
        return utility > 0 && utility != Float.POSITIVE_INFINITY ? utility : 0;
    }

    /** True if u consumed {@code item} this round (it was eligible when the slate was composed). */
    private static boolean clickedNow(RoundState state, int u, int item) {
        for (int c = 0; c < state.clickCount(u); c++) {
            if (state.clickItem(u, c) == item) {
                return true;
            }
        }
        return false;
    }
}
