package org.receco.analysis.shilling;

import java.util.Arrays;
import org.receco.core.util.TopK;

/**
 * The classic rating-profile features of shilling detection, one value per user and feature:
 * <ul>
 *   <li>{@code rdma}, rating deviation from mean agreement (Chirita, Nejdl &amp; Zamfir, "Preventing Shilling
 *       Attacks in Online Recommender Systems", WIDM 2005): {@code Σ_{i ∈ I_u} |r_ui − r̄_i| / NR_i}, divided by
 *       {@code |I_u|}, where {@code NR_i} is the number of ratings of item i;</li>
 *   <li>{@code wdma}, weighted deviation from mean agreement (Burke, Mobasher, Williams &amp; Bhaumik,
 *       "Classification Features for Attack Detection in Collaborative Recommender Systems", KDD 2006): the same
 *       with {@code NR_i²}, so deviations on rarely rated items, where fillers land, weigh more;</li>
 *   <li>{@code wda}, weighted degree of agreement (Burke et al. 2006): RDMA's sum without the division by
 *       {@code |I_u|};</li>
 *   <li>{@code length-var}, length variance (Burke et al. 2006): {@code |n_u − n̄| / Σ_v (n_v − n̄)²}, how far a
 *       profile's length is from the mean, since bots often rate many more items than people;</li>
 *   <li>{@code deg-sim}, degree of similarity with the top neighbours (Chirita et al. 2005): the mean Pearson
 *       correlation of u with its {@code k} most correlated users (over co-rated items, at least two), high for
 *       attack profiles built from one template.</li>
 * </ul>
 * Users without ratings are not judged ({@link #judged}); their features are NaN. See Mobasher, Burke, Bhaumik
 * &amp; Williams, "Toward Trustworthy Recommender Systems", TOIT 2007, for the family.
 */
public final class ProfileFeatures {
    /** Feature names in column order, as tables print them. */
    public static final String[] NAMES = {"rdma", "wdma", "wda", "length-var", "deg-sim"};
    public static final int RDMA = 0;
    public static final int WDMA = 1;
    public static final int WDA = 2;
    public static final int LENGTH_VAR = 3;
    public static final int DEG_SIM = 4;

    private final double[][] values;
    private final boolean[] judged;

    private ProfileFeatures(double[][] values, boolean[] judged) {
        this.values = values;
        this.judged = judged;
    }

    /** The features of every user of {@code profiles}, DegSim over each user's {@code neighbours} best peers. */
    public static ProfileFeatures of(RatingProfiles profiles, int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, got " + neighbours);
        }
        int users = profiles.users();
        double[][] v = new double[NAMES.length][users];
        boolean[] judged = new boolean[users];
        double meanLength = 0;
        int active = 0;
        for (int u = 0; u < users; u++) {
            judged[u] = profiles.length(u) > 0;
            if (judged[u]) {
                meanLength += profiles.length(u);
                active++;
            }
        }
        meanLength = active == 0 ? 0 : meanLength / active;
        double spread = 0;
        for (int u = 0; u < users; u++) {
            if (judged[u]) {
                spread += (profiles.length(u) - meanLength) * (profiles.length(u) - meanLength);
            }
        }
        for (int u = 0; u < users; u++) {
            if (!judged[u]) {
                for (double[] f : v) {
                    f[u] = Double.NaN;
                }
                continue;
            }
            double rdma = 0;
            double wdma = 0;
            int n = profiles.length(u);
            for (int p = profiles.start(u); p < profiles.start(u) + n; p++) {
                int i = profiles.item(p);
                double dev = Math.abs(profiles.stars(p) - profiles.itemMean(i));
                double nr = profiles.itemCount(i);
                rdma += dev / nr;
                wdma += dev / (nr * nr);
            }
            v[RDMA][u] = rdma / n;
            v[WDMA][u] = wdma / n;
            v[WDA][u] = rdma;
            v[LENGTH_VAR][u] = spread > 0 ? Math.abs(n - meanLength) / spread : 0;
        }
        degreeOfSimilarity(profiles, neighbours, judged, v[DEG_SIM]);
        return new ProfileFeatures(v, judged);
    }

    /** DegSim: per user, Pearson correlations with every co-rater accumulated over an item index, then top k. */
    private static void degreeOfSimilarity(RatingProfiles pr, int k, boolean[] judged, double[] out) {
        int users = pr.users();
        int items = pr.items();
        int[] itemStart = new int[items + 1];
        for (int u = 0; u < users; u++) {
            for (int p = pr.start(u); p < pr.start(u) + pr.length(u); p++) {
                itemStart[pr.item(p) + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] raterOf = new int[itemStart[items]];
        byte[] starsOf = new byte[itemStart[items]];
        int[] fill = Arrays.copyOf(itemStart, items);
        for (int u = 0; u < users; u++) {
            for (int p = pr.start(u); p < pr.start(u) + pr.length(u); p++) {
                int q = fill[pr.item(p)]++;
                raterOf[q] = u;
                starsOf[q] = (byte) pr.stars(p);
            }
        }
        int[] co = new int[users];
        double[] sx = new double[users];
        double[] sy = new double[users];
        double[] sxx = new double[users];
        double[] syy = new double[users];
        double[] sxy = new double[users];
        int[] touched = new int[users];
        float[] corr = new float[users];
        int[] best = new int[k];
        TopK top = new TopK(k);
        for (int u = 0; u < users; u++) {
            if (!judged[u]) {
                out[u] = Double.NaN;
                continue;
            }
            int nt = 0;
            for (int p = pr.start(u); p < pr.start(u) + pr.length(u); p++) {
                int i = pr.item(p);
                double x = pr.stars(p);
                for (int q = itemStart[i]; q < itemStart[i + 1]; q++) {
                    int w = raterOf[q];
                    if (w == u) {
                        continue;
                    }
                    if (co[w] == 0) {
                        touched[nt++] = w;
                    }
                    double y = starsOf[q];
                    co[w]++;
                    sx[w] += x;
                    sy[w] += y;
                    sxx[w] += x * x;
                    syy[w] += y * y;
                    sxy[w] += x * y;
                }
            }
            for (int t = 0; t < nt; t++) {
                int w = touched[t];
                int n = co[w];
                double cov = sxy[w] - sx[w] * sy[w] / n;
                double vx = sxx[w] - sx[w] * sx[w] / n;
                double vy = syy[w] - sy[w] * sy[w] / n;
                // Fewer than two co-rated items, or a constant side, leaves the correlation undefined: no peer.
                corr[t] = n >= 2 && vx > 1e-12 && vy > 1e-12 ? (float) (cov / Math.sqrt(vx * vy)) : -2f;
                co[w] = 0;
                sx[w] = 0;
                sy[w] = 0;
                sxx[w] = 0;
                syy[w] = 0;
                sxy[w] = 0;
            }
            int m = top.select(corr, 0, nt, k, -1.5f, best);
            double s = 0;
            for (int t = 0; t < m; t++) {
                s += corr[best[t]];
            }
            out[u] = m == 0 ? 0 : s / m;
        }
    }

    /** Feature {@code f} (an index into {@link #NAMES}) of user {@code u}; NaN for users not judged. */
    public double value(int f, int u) {
        return values[f][u];
    }

    /** A copy of feature {@code f} for every user. */
    public double[] column(int f) {
        return values[f].clone();
    }

    /** Whether user {@code u} has any rating, so the profile detectors can judge them. */
    public boolean judged(int u) {
        return judged[u];
    }

    public int users() {
        return judged.length;
    }
}
