package org.receco.gui;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import sim.util.Double2D;

/**
 * A fixed 2-D view of the latent space: the first two principal components of a set of vectors (fitted once,
 * at round 0, so later motion of users and items is visible as motion), scaled so that the fitted points fill
 * most of a {@code size} × {@code size} square. Points beyond the square are clamped to its border.
 * Eigenvector signs are fixed (largest coordinate positive) so the same vectors always give the same picture.
 */
final class LatentProjection {
    private final int dims;
    private final double[] mean;
    private final double[] pc1;
    private final double[] pc2;
    private final double scale;
    private final double size;
    private final double explained;

    private LatentProjection(int dims, double[] mean, double[] pc1, double[] pc2, double scale, double size,
                             double explained) {
        this.dims = dims;
        this.mean = mean;
        this.pc1 = pc1;
        this.pc2 = pc2;
        this.scale = scale;
        this.size = size;
        this.explained = explained;
    }

    /**
     * Fits the projection to {@code rows} vectors of dimension {@code dims} stored row-major in the given
     * arrays (each {@code [data, count]} pair contributes {@code count} rows).
     */
    static LatentProjection fit(int dims, double size, float[][] data, int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] mean = new double[dims];
        double[][] rows = new double[Math.max(n, 2)][dims];
        int r = 0;
        for (int b = 0; b < data.length; b++) {
            for (int i = 0; i < counts[b]; i++, r++) {
                for (int k = 0; k < dims; k++) {
                    rows[r][k] = data[b][i * dims + k];
                    mean[k] += rows[r][k];
                }
            }
        }
        for (int k = 0; k < dims; k++) {
            mean[k] /= Math.max(1, n);
        }
        double[] pc1 = new double[dims];
        double[] pc2 = new double[dims];
        double explained = 0;
        if (dims == 1) {
            pc1[0] = 1;
        } else if (n >= 2) {
            RealMatrix cov = new Covariance(rows, false).getCovarianceMatrix();
            EigenDecomposition eig = new EigenDecomposition(cov);
            double[] values = eig.getRealEigenvalues();
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
            pc1 = signed(eig.getEigenvector(order[0]).toArray());
            pc2 = signed(eig.getEigenvector(order[1]).toArray());
            double total = 0;
            for (double v : values) {
                total += Math.max(0, v);
            }
            explained = total <= 0 ? 0 : (Math.max(0, values[order[0]]) + Math.max(0, values[order[1]])) / total;
        } else {
            pc1[0] = 1;
            pc2[1] = 1;
        }
        double[] extent = new double[n];
        for (int i = 0; i < n; i++) {
            extent[i] = Math.max(Math.abs(dot(rows[i], 0, mean, pc1)), Math.abs(dot(rows[i], 0, mean, pc2)));
        }
        Arrays.sort(extent);
        double reach = n == 0 ? 1 : extent[Math.min(n - 1, (int) (0.99 * n))];
        double scale = 0.36 * size / (reach > 0 ? reach : 1);
        return new LatentProjection(dims, mean, pc1, pc2, scale, size, explained);
    }

    private static double[] signed(double[] v) {
        int arg = 0;
        for (int k = 1; k < v.length; k++) {
            if (Math.abs(v[k]) > Math.abs(v[arg])) {
                arg = k;
            }
        }
        if (v[arg] < 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] = -v[k];
            }
        }
        return v;
    }

    private static double dot(double[] row, int off, double[] mean, double[] pc) {
        double s = 0;
        for (int k = 0; k < pc.length; k++) {
            s += (row[off + k] - mean[k]) * pc[k];
        }
        return s;
    }

    /** Share of the fitted vectors' variance the two components explain. */
    double explainedVariance() {
        return explained;
    }

    /** The display position of the vector at {@code v[off..off+dims)}. */
    Double2D project(float[] v, int off) {
        double x = 0;
        double y = 0;
        for (int k = 0; k < dims; k++) {
            double c = v[off + k] - mean[k];
            x += c * pc1[k];
            y += c * pc2[k];
        }
        double half = size / 2;
        return new Double2D(clamp(half + x * scale), clamp(half - y * scale));
    }

    private double clamp(double p) {
        return Math.max(0.5, Math.min(size - 0.5, p));
    }
}
