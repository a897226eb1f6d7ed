package org.receco.agents.recommenders;

/**
 * In-place solution of a small symmetric positive-definite system, for the per-row least-squares fits of
 * {@link MfRecommender}: thousands of (k+1)×(k+1) solves per retrain, where Commons Math's decomposition would
 * allocate its matrices on every call.
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Solves {@code A x = b} for SPD {@code A} ({@code m × m}, row-major, only the upper triangle read); the
     * upper triangle of {@code a} is overwritten with the factor {@code R} ({@code A = Rᵀ R}) and {@code b} with
     * {@code x}.
     *
     * @throws ArithmeticException if {@code A} is not positive definite
     */
    static void solveUpper(double[] a, double[] b, int m) {
        for (int i = 0; i < m; i++) {
            double d = a[i * m + i];
            for (int p = 0; p < i; p++) {
                d -= a[p * m + i] * a[p * m + i];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite at pivot " + i);
            }
            double r = Math.sqrt(d);
            a[i * m + i] = r;
            for (int j = i + 1; j < m; j++) {
                double s = a[i * m + j];
                for (int p = 0; p < i; p++) {
                    s -= a[p * m + i] * a[p * m + j];
                }
                a[i * m + j] = s / r;
            }
        }
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= a[p * m + i] * b[p];
            }
            b[i] = s / a[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int p = i + 1; p < m; p++) {
                s -= a[i * m + p] * b[p];
            }
            b[i] = s / a[i * m + i];
        }
    }
}
