package org.receco.agents.data;

import org.receco.core.rng.SplitMix;

/**
 * Fits a biased matrix factorisation (Koren, Bell &amp; Volinsky, "Matrix Factorization Techniques for Recommender
 * Systems", IEEE Computer 2009, eq. 4-5) by alternating least squares: with the items fixed, each user's
 * {@code (p_u, b_u)} is one ridge regression of {@code r_ui - μ - b_i} on {@code (q_i, 1)}, and symmetrically for
 * items. The penalty is λ times the user's (item's) number of ratings, the weighted-λ of Zhou et al.
 * ("Large-scale Parallel Collaborative Filtering for the Netflix Prize", AAIM 2008), so heavy and light raters are
 * shrunk alike. Deterministic: one seeded start, sequential sweeps, no threads.
 */
public final class BiasedMf {
    private BiasedMf() {
    }

    /**
     * Fits ratings {@code rating[k]} of item {@code item[k]} by user {@code user[k]} (dense indices below
     * {@code users} and {@code items}).
     */
    public static RatingsFit fit(int users, int items, int[] user, int[] item, float[] rating, MfParams params) {
        int n = user.length;
        int d = params.factors();
        double mean = 0;
        for (float r : rating) {
            mean += r;
        }
        mean = n == 0 ? 0 : mean / n;
        int[][] byUser = index(users, user);
        int[][] byItem = index(items, item);
        float[] p = new float[users * d];
        float[] q = new float[items * d];
        float[] bu = new float[users];
        float[] bi = new float[items];
        SplitMix rng = new SplitMix(params.seed());
        for (int j = 0; j < q.length; j++) {
            q[j] = (float) (0.1 * rng.nextGaussian());
        }
        Solver solver = new Solver(d + 1);
        for (int it = 0; it < params.iterations(); it++) {
            // users given items: target r - μ - b_i, features (q_i, 1)
            sweep(byUser, item, rating, mean, bi, q, p, bu, d, params.regularisation(), solver);
            sweep(byItem, user, rating, mean, bu, p, q, bi, d, params.regularisation(), solver);
        }
        double se = 0;
        double base = 0;
        RatingsFit partial = new RatingsFit(d, mean, p, q, bu, bi, 0, 0);
        for (int k = 0; k < n; k++) {
            double e = rating[k] - partial.predict(user[k], item[k]);
            se += e * e;
            base += (rating[k] - mean) * (rating[k] - mean);
        }
        return new RatingsFit(d, mean, p, q, bu, bi, n == 0 ? 0 : Math.sqrt(se / n), n == 0 ? 0 : Math.sqrt(base / n));
    }

    /** The ratings of each row (user or item), in rating order: a compressed index. */
    private static int[][] index(int rows, int[] of) {
        int[] count = new int[rows];
        for (int r : of) {
            count[r]++;
        }
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = new int[count[r]];
            count[r] = 0;
        }
        for (int k = 0; k < of.length; k++) {
            out[of[k]][count[of[k]]++] = k;
        }
        return out;
    }

    /**
     * Solves every row's ridge regression: row x's ratings k pair it with {@code other[k]}, whose fixed factors and
     * bias are {@code fixed} and {@code fixedBias}; writes x's factors to {@code solved} and its bias to
     * {@code solvedBias}.
     */
    private static void sweep(int[][] rows, int[] other, float[] rating, double mean, float[] fixedBias,
                              float[] fixed, float[] solved, float[] solvedBias, int d, double lambda,
                              Solver solver) {
        int m = d + 1;
        double[] z = new double[m];
        for (int x = 0; x < rows.length; x++) {
            int[] ks = rows[x];
            if (ks.length == 0) { // nothing to fit: the prior, zero
                java.util.Arrays.fill(solved, x * d, x * d + d, 0f);
                solvedBias[x] = 0f;
                continue;
            }
            solver.clear();
            for (int k : ks) {
                int o = other[k];
                for (int j = 0; j < d; j++) {
                    z[j] = fixed[o * d + j];
                }
                z[d] = 1;
                solver.add(z, rating[k] - mean - fixedBias[o]);
            }
            solver.ridge(lambda * ks.length);
            double[] w = solver.solve();
            for (int j = 0; j < d; j++) {
                solved[x * d + j] = (float) w[j];
            }
            solvedBias[x] = (float) w[d];
        }
    }

    /** Normal equations {@code (ZᵀZ + λI) w = Zᵀy} of one small ridge regression, solved by Cholesky. */
    static final class Solver {
        private final int m;
        private final double[] a;
        private final double[] b;
        private final double[] w;

        Solver(int m) {
            this.m = m;
            this.a = new double[m * m];
            this.b = new double[m];
            this.w = new double[m];
        }

        void clear() {
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(b, 0);
        }

        void add(double[] z, double y) {
            for (int i = 0; i < m; i++) {
                double zi = z[i];
                b[i] += zi * y;
                for (int j = 0; j <= i; j++) {
                    a[i * m + j] += zi * z[j];
                }
            }
        }

        void ridge(double lambda) {
            // A zero penalty would leave a rank-deficient row (fewer ratings than factors) singular.
            double l = Math.max(lambda, 1e-9);
            for (int i = 0; i < m; i++) {
                a[i * m + i] += l;
            }
        }

        /** The solution; the lower triangle of A is overwritten by its Cholesky factor. */
        double[] solve() {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * m + j];
                    for (int k = 0; k < j; k++) {
                        s -= a[i * m + k] * a[j * m + k];
                    }
                    if (i == j) {
                        a[i * m + i] = Math.sqrt(Math.max(s, 1e-300));
                    } else {
                        a[i * m + j] = s / a[j * m + j];
                    }
                }
            }
            for (int i = 0; i < m; i++) { // L y = b
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= a[i * m + k] * w[k];
                }
                w[i] = s / a[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--) { // Lᵀ w = y
                double s = w[i];
                for (int k = i + 1; k < m; k++) {
                    s -= a[k * m + i] * w[k];
                }
                w[i] = s / a[i * m + i];
            }
            return w;
        }
    }
}
