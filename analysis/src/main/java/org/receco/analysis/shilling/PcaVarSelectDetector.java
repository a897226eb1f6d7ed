package org.receco.analysis.shilling;

import java.util.Arrays;
import org.receco.core.rng.SplitMix;

/**
 * PCA-VarSelect (Mehta &amp; Nejdl, "Unsupervised Strategies for Shilling Detection and Robust Collaborative
 * Filtering", UMUAI 2009): each user's ratings are z-scored (missing ratings 0), users are treated as the
 * variables of a principal component analysis over items, and the users who contribute least to the first
 * {@link #COMPONENTS} principal components, {@code Σ_c v_c[u]²}, are flagged: attack profiles, random or
 * averaged, carry none of the structure that genuine tastes share. Like Mehta &amp; Nejdl, the detector is told
 * how many users to flag ({@code r}, the attack size); a stealth report passes the true number of fake users,
 * so precision = recall = F1, the share of fakes among the r least typical users.
 *
 * <p>The top components of {@code Z Zᵀ} come from orthogonal (subspace) iteration on the sparse {@code Z},
 * never forming the users × users matrix; the score depends only on the spanned subspace, not on a rotation
 * within it. Commons Math offers only dense, full eigendecompositions, cubic in the number of users.
 */
public final class PcaVarSelectDetector {
    public static final String NAME = "pca-varselect";
    /** Principal components whose loadings are summed (Mehta &amp; Nejdl use the first three). */
    public static final int COMPONENTS = 3;
    static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-12;
    private final long seed;

    /** @param seed seeds the starting subspace of the iteration */
    public PcaVarSelectDetector(long seed) {
        this.seed = seed;
    }

    /** Flags the {@code r} users with ratings whose loadings on the top components are smallest (ties: lower id). */
    public boolean[] flag(RatingProfiles profiles, int r) {
        double[] score = contributions(profiles);
        int users = profiles.users();
        Integer[] order = new Integer[users];
        int n = 0;
        for (int u = 0; u < users; u++) {
            if (profiles.length(u) > 0) {
                order[n++] = u;
            }
        }
        Integer[] judged = Arrays.copyOf(order, n);
        Arrays.sort(judged, (a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b])
                : Integer.compare(a, b));
        boolean[] flagged = new boolean[users];
        for (int t = 0; t < Math.min(r, n); t++) {
            flagged[judged[t]] = true;
        }
        return flagged;
    }

    /** Each user's {@code Σ_c v_c[u]²} over the top {@link #COMPONENTS} unit eigenvectors of {@code Z Zᵀ}. */
    double[] contributions(RatingProfiles p) {
        int users = p.users();
        int items = p.items();
        double[] z = new double[p.start(users)];
        for (int u = 0; u < users; u++) {
            int n = p.length(u);
            double mean = p.userMean(u);
            double var = 0;
            for (int q = p.start(u); q < p.start(u) + n; q++) {
                var += (p.stars(q) - mean) * (p.stars(q) - mean);
            }
            double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            for (int q = p.start(u); q < p.start(u) + n; q++) {
                z[q] = sd > 0 ? (p.stars(q) - mean) / sd : 0;
            }
        }
        int k = Math.min(COMPONENTS, users);
        double[][] v = new double[k][users];
        SplitMix rng = new SplitMix(seed);
        for (double[] col : v) {
            for (int u = 0; u < users; u++) {
                col[u] = rng.nextGaussian();
            }
        }
        orthonormalise(v);
        double[] t = new double[items];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] w = new double[k][users];
            for (int c = 0; c < k; c++) {
                // w = Z (Zᵀ v): first the item-space image, then back to users.
                Arrays.fill(t, 0);
                for (int u = 0; u < users; u++) {
                    for (int q = p.start(u); q < p.start(u) + p.length(u); q++) {
                        t[p.item(q)] += z[q] * v[c][u];
                    }
                }
                for (int u = 0; u < users; u++) {
                    double s = 0;
                    for (int q = p.start(u); q < p.start(u) + p.length(u); q++) {
                        s += z[q] * t[p.item(q)];
                    }
                    w[c][u] = s;
                }
            }
            orthonormalise(w);
            double change = 0;
            for (int u = 0; u < users; u++) {
                change = Math.max(change, Math.abs(rowNorm(w, u) - rowNorm(v, u)));
            }
            v = w;
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] score = new double[users];
        for (int u = 0; u < users; u++) {
            score[u] = rowNorm(v, u);
        }
        return score;
    }

    private static double rowNorm(double[][] v, int u) {
        double s = 0;
        for (double[] col : v) {
            s += col[u] * col[u];
        }
        return s;
    }

    /** Modified Gram–Schmidt on the columns; a column that collapses to zero is left zero. */
    private static void orthonormalise(double[][] v) {
        for (int c = 0; c < v.length; c++) {
            for (int b = 0; b < c; b++) {
                double dot = 0;
                for (int u = 0; u < v[c].length; u++) {
                    dot += v[c][u] * v[b][u];
                }
                for (int u = 0; u < v[c].length; u++) {
                    v[c][u] -= dot * v[b][u];
                }
            }
            double norm = 0;
            for (double x : v[c]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int u = 0; u < v[c].length; u++) {
                v[c][u] = norm > 1e-300 ? v[c][u] / norm : 0;
            }
        }
    }
}
