package org.receco.agents.space;

import org.receco.core.rng.SplitMix;

/**
 * Gamma, Beta and Dirichlet draws from a {@link SplitMix}, allocation-free. Gamma variates use Marsaglia &amp;
 * Tsang ("A Simple Method for Generating Gamma Variables", ACM TOMS 2000); shapes below 1 use the boost
 * {@code G(a) = G(a + 1) · U^(1/a)} in log space, so Dirichlet draws with tiny concentrations (Chaney et al.'s
 * item attributes, α ≈ 0.005) never underflow to an all-zero vector.
 */
public final class Dirichlet {
    private Dirichlet() {
    }

    /** log of a Gamma(shape, 1) variate; shape must be positive. */
    public static double logGamma(double shape, SplitMix rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            while (u == 0) {
                u = rng.nextDouble();
            }
            return logGamma(shape + 1, rng) + Math.log(u) / shape;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return Math.log(d * v);
            }
        }
    }

    /**
     * Writes a draw of Dirichlet({@code alpha[0..k)}) to {@code out[off..off+k)} (entries non-negative, sum 1).
     * {@code scratch} holds at least k doubles.
     */
    public static void sample(double[] alpha, int k, SplitMix rng, float[] out, int off, double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            scratch[j] = logGamma(alpha[j], rng);
            max = Math.max(max, scratch[j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            scratch[j] = Math.exp(scratch[j] - max);
            sum += scratch[j];
        }
        for (int j = 0; j < k; j++) {
            out[off + j] = (float) (scratch[j] / sum);
        }
    }

    /** A draw of Dirichlet(alpha) as doubles. */
    public static double[] sample(double[] alpha, SplitMix rng) {
        float[] f = new float[alpha.length];
        sample(alpha, alpha.length, rng, f, 0, new double[alpha.length]);
        double[] d = new double[alpha.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = f[j];
        }
        return d;
    }

    /**
     * A Beta variate with the given mean and variance (Chaney et al. parameterise utilities so). Falls back to
     * the mean when the variance is 0 or not attainable ({@code variance >= mean (1 - mean)}), or the mean is
     * at 0 or 1.
     */
    public static double beta(double mean, double variance, SplitMix rng) {
        if (!(variance > 0) || !(mean > 0) || !(mean < 1)) {
            return Math.max(0, Math.min(1, mean));
        }
        double common = mean * (1 - mean) / variance - 1;
        if (!(common > 0)) {
            return mean;
        }
        double la = logGamma(mean * common, rng);
        double lb = logGamma((1 - mean) * common, rng);
        // a / (a + b) = 1 / (1 + exp(lb - la))
        return 1 / (1 + Math.exp(lb - la));
    }
}
