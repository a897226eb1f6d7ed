package org.receco.analysis.stats;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * The first two principal axes of a set of vectors (PCA: eigenvectors of their covariance matrix, Commons
 * Math's {@link EigenDecomposition}, in decreasing order of eigenvalue), for 2-D pictures of the latent space:
 * the report's evolution figure and the GUI's live view. An eigenvector's sign is arbitrary, so each axis is
 * turned to make its largest-magnitude coordinate positive (the first such on ties): the same vectors always
 * give the same picture, not a mirror image of it.
 *
 * <p>With fewer than two vectors or dimensions there is no covariance to decompose: the axes are then the
 * first two coordinate axes (the second all zero in one dimension) and nothing counts as explained.
 */
public final class PrincipalAxes {
    private final double[] mean;
    private final double[] first;
    private final double[] second;
    private final double explained;

    private PrincipalAxes(double[] mean, double[] first, double[] second, double explained) {
        this.mean = mean;
        this.first = first;
        this.second = second;
        this.explained = explained;
    }

    /** Fits the axes to {@code rows}, each a vector of dimension {@code dims}. */
    public static PrincipalAxes fit(double[][] rows, int dims) {
        int n = rows.length;
        double[] mean = new double[dims];
        for (double[] r : rows) {
            for (int k = 0; k < dims; k++) {
                mean[k] += r[k];
            }
        }
        for (int k = 0; k < dims; k++) {
            mean[k] /= Math.max(1, n);
        }
        double[] first = new double[dims];
        double[] second = new double[dims];
        if (n < 2 || dims < 2) {
            if (dims > 0) {
                first[0] = 1;
            }
            if (dims > 1) {
                second[1] = 1;
            }
            return new PrincipalAxes(mean, first, second, 0);
        }
        EigenDecomposition eig = new EigenDecomposition(new Covariance(rows, false).getCovarianceMatrix());
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        double top = Math.max(0, values[order[0]]) + Math.max(0, values[order[1]]);
        return new PrincipalAxes(mean, signed(eig.getEigenvector(order[0]).toArray()),
                signed(eig.getEigenvector(order[1]).toArray()), total <= 0 ? 0 : top / total);
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

    /** Share of the fitted vectors' variance the two axes explain (0 when nothing varies). */
    public double explained() {
        return explained;
    }

    /** The fitted vectors' mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** Principal axis {@code k} (0 or 1), a unit vector. */
    public double[] axis(int k) {
        return (k == 0 ? first : second).clone();
    }

    /** The coordinates of {@code v} on the two axes, about the mean. */
    public double[] project(double[] v) {
        double a = 0;
        double b = 0;
        for (int k = 0; k < mean.length; k++) {
            double c = v[k] - mean[k];
            a += c * first[k];
            b += c * second[k];
        }
        return new double[] {a, b};
    }
}
