package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class CholeskyTest {
    /** Random SPD systems (BᵀB + I) agree with Commons Math's LU solution. */
    @Test
    void solvesRandomSpdSystemsLikeCommonsMath() {
        SplitMix rng = new SplitMix(5);
        for (int m = 1; m <= 9; m++) {
            double[][] bm = new double[m][m];
            for (double[] row : bm) {
                for (int c = 0; c < m; c++) {
                    row[c] = rng.nextGaussian();
                }
            }
            double[][] full = new double[m][m];
            double[] a = new double[m * m];
            double[] rhs = new double[m];
            for (int r = 0; r < m; r++) {
                rhs[r] = rng.nextGaussian();
                for (int c = 0; c < m; c++) {
                    double s = r == c ? 1 : 0;
                    for (int p = 0; p < m; p++) {
                        s += bm[p][r] * bm[p][c];
                    }
                    full[r][c] = s;
                    a[r * m + c] = c >= r ? s : Double.NaN; // the lower triangle must not be read
                }
            }
            RealVector expected = new LUDecomposition(new Array2DRowRealMatrix(full)).getSolver()
                    .solve(new ArrayRealVector(rhs));
            Cholesky.solveUpper(a, rhs, m);
            for (int r = 0; r < m; r++) {
                assertEquals(expected.getEntry(r), rhs[r], 1e-9, "m=" + m + " x" + r);
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[] a = {1, 2, 0, 1};
        assertThrows(ArithmeticException.class, () -> Cholesky.solveUpper(a, new double[2], 2));
    }
}
