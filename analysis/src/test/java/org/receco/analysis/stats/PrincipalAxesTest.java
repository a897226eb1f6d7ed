package org.receco.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class PrincipalAxesTest {
    /** An orthonormal basis of R³ with no coordinate ties: u1 = (0.6, 0.8, 0), u2 = (−0.8, 0.6, 0), u3 = e3. */
    private static final double[][] BASIS = {{0.6, 0.8, 0}, {-0.8, 0.6, 0}, {0, 0, 1}};

    /** The six points c ± s_k · u_k: the covariance has eigenvectors u_k with eigenvalues ∝ s_k². */
    private static double[][] star(double[] c, double... s) {
        double[][] rows = new double[6][3];
        for (int k = 0; k < 3; k++) {
            for (int x = 0; x < 3; x++) {
                rows[2 * k][x] = c[x] + s[k] * BASIS[k][x];
                rows[2 * k + 1][x] = c[x] - s[k] * BASIS[k][x];
            }
        }
        return rows;
    }

    @Test
    void aHandCaseAxesSignsAndExplainedVariance() {
        double[] c = {1, -2, 0.5};
        PrincipalAxes p = PrincipalAxes.fit(star(c, 3, 2, 1), 3);
        assertArrayEquals(c, p.mean(), 1e-12);
        // Largest coordinates positive: u1 as is (0.8 > 0), u2 turned to (0.8, −0.6, 0).
        assertArrayEquals(new double[] {0.6, 0.8, 0}, p.axis(0), 1e-9);
        assertArrayEquals(new double[] {0.8, -0.6, 0}, p.axis(1), 1e-9);
        assertEquals((9.0 + 4.0) / (9 + 4 + 1), p.explained(), 1e-9);
        double[] far = {c[0] + 3 * 0.6, c[1] + 3 * 0.8, c[2] + 5};
        assertArrayEquals(new double[] {3, 0}, p.project(far), 1e-9, "off-plane motion does not show");
        assertArrayEquals(new double[] {0, 0}, p.project(c), 1e-12);
    }

    /**
     * The sign is fixed by the data, not by the decomposition's whims: whatever the order of the rows, and for
     * the data turned about its mean (x ↦ 2c − x, the same covariance), the axes come out identical.
     */
    @Test
    void theSameCloudGivesTheSameAxesWhateverItsOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            SplitMix rng = new SplitMix(seed);
            int n = 200;
            int d = 6;
            double[][] rows = new double[n][d];
            for (double[] r : rows) {
                for (int k = 0; k < d; k++) {
                    r[k] = (k + 1) * rng.nextGaussian() + k;
                }
            }
            PrincipalAxes a = PrincipalAxes.fit(rows, d);
            double[][] reversed = new double[n][];
            double[][] turned = new double[n][d];
            double[] mean = a.mean();
            for (int i = 0; i < n; i++) {
                reversed[i] = rows[n - 1 - i];
                for (int k = 0; k < d; k++) {
                    turned[i][k] = 2 * mean[k] - rows[i][k];
                }
            }
            for (PrincipalAxes b : new PrincipalAxes[] {PrincipalAxes.fit(reversed, d), PrincipalAxes.fit(turned, d)}) {
                for (int axis = 0; axis < 2; axis++) {
                    assertArrayEquals(a.axis(axis), b.axis(axis), 1e-9, "seed " + seed + " axis " + axis);
                }
                assertEquals(a.explained(), b.explained(), 1e-12);
            }
            for (int axis = 0; axis < 2; axis++) {
                double[] v = a.axis(axis);
                int arg = 0;
                double norm = 0;
                for (int k = 0; k < d; k++) {
                    arg = Math.abs(v[k]) > Math.abs(v[arg]) ? k : arg;
                    norm += v[k] * v[k];
                }
                assertTrue(v[arg] > 0, "largest coordinate positive");
                assertEquals(1, norm, 1e-9, "unit axis");
            }
        }
    }

    @Test
    void tooFewVectorsOrDimensionsFallBackToTheCoordinateAxes() {
        PrincipalAxes one = PrincipalAxes.fit(new double[][] {{1, 2, 3}}, 3);
        assertArrayEquals(new double[] {1, 0, 0}, one.axis(0));
        assertArrayEquals(new double[] {0, 1, 0}, one.axis(1));
        assertEquals(0, one.explained());
        assertArrayEquals(new double[] {0, 0}, one.project(new double[] {1, 2, 3}));
        PrincipalAxes line = PrincipalAxes.fit(new double[][] {{1}, {3}}, 1);
        assertArrayEquals(new double[] {1}, line.axis(0));
        assertArrayEquals(new double[] {0}, line.axis(1));
        assertArrayEquals(new double[] {1, 0}, line.project(new double[] {3}));
    }
}
