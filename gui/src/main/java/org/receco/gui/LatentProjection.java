package org.receco.gui;

import java.util.Arrays;
import org.receco.analysis.stats.PrincipalAxes;
import sim.util.Double2D;

/**
 * A fixed 2-D view of the latent space: the first two principal components of a set of vectors (fitted once,
 * at round 0, so later motion of users and items is visible as motion), scaled so that the fitted points fill
 * most of a {@code size} × {@code size} square. Points beyond the square are clamped to its border. The axes
 * are {@link PrincipalAxes}, the report's too, signs fixed so the same vectors always give the same picture.
 */
final class LatentProjection {
    private final int dims;
    private final PrincipalAxes axes;
    private final double scale;
    private final double size;

    private LatentProjection(int dims, PrincipalAxes axes, double scale, double size) {
        this.dims = dims;
        this.axes = axes;
        this.scale = scale;
        this.size = size;
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
        double[][] rows = new double[n][dims];
        int r = 0;
        for (int b = 0; b < data.length; b++) {
            for (int i = 0; i < counts[b]; i++, r++) {
                for (int k = 0; k < dims; k++) {
                    rows[r][k] = data[b][i * dims + k];
                }
            }
        }
        PrincipalAxes axes = PrincipalAxes.fit(rows, dims);
        double[] extent = new double[n];
        for (int i = 0; i < n; i++) {
            double[] xy = axes.project(rows[i]);
            extent[i] = Math.max(Math.abs(xy[0]), Math.abs(xy[1]));
        }
        Arrays.sort(extent);
        double reach = n == 0 ? 1 : extent[Math.min(n - 1, (int) (0.99 * n))];
        double scale = 0.36 * size / (reach > 0 ? reach : 1);
        return new LatentProjection(dims, axes, scale, size);
    }

    /** Share of the fitted vectors' variance the two components explain. */
    double explainedVariance() {
        return axes.explained();
    }

    /** The display position of the vector at {@code v[off..off+dims)}. */
    Double2D project(float[] v, int off) {
        double[] c = new double[dims];
        for (int k = 0; k < dims; k++) {
            c[k] = v[off + k];
        }
        double[] xy = axes.project(c);
        double half = size / 2;
        return new Double2D(clamp(half + xy[0] * scale), clamp(half - xy[1] * scale));
    }

    private double clamp(double p) {
        return Math.max(0.5, Math.min(size - 0.5, p));
    }
}
