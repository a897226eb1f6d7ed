package org.receco.analysis.metrics;

import java.util.Arrays;

/**
 * The Gini coefficient of non-negative counts: with counts sorted ascending e_(1) ≤ … ≤ e_(n),
 * G = Σ_j (2j − n − 1) e_(j) / (n Σ_j e_j). 0 when all are equal, (n − 1)/n when one holds everything;
 * 0 by convention when all are zero. Gini, "Variabilità e mutabilità" (1912), in the mean-difference form,
 * equivalent to the Lorenz-curve form SimuLine uses (Zhang et al., "Simulating News Recommendation Ecosystems
 * for Insights and Implications", IEEE TCSS 2024).
 */
public final class Gini {
    private Gini() {
    }

    /** Gini of {@code values[0..n)}; sorts that prefix in place. */
    public static double ofInPlace(double[] values, int n) {
        if (n <= 1) {
            return 0;
        }
        Arrays.sort(values, 0, n);
        double total = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
            double v = values[j];
            if (v < 0) {
                throw new IllegalArgumentException("Gini needs non-negative values, got " + v);
            }
            total += v;
            weighted += (2.0 * (j + 1) - n - 1) * v;
        }
        return total == 0 ? 0 : weighted / (n * total);
    }

    public static double of(double... values) {
        return ofInPlace(values.clone(), values.length);
    }
}
