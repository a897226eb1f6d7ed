package org.receco.agents;

import org.receco.core.config.Doc;
import org.receco.core.rng.SplitMix;

/**
 * A normal distribution clipped to {@code [min, max]}, the form in which SimuLine draws per-agent parameters
 * (e.g. a user's like threshold ~ N(0.3, 0.1) clipped to (0, 1)).
 */
@Doc("A normal distribution N(mean, sd), clipped to [min, max].")
public record Normal(
        @Doc("Mean.") double mean,
        @Doc("Standard deviation (0 = every agent gets the mean).") double sd,
        @Doc("Lower clip bound.") double min,
        @Doc("Upper clip bound.") double max) {
    public Normal {
        if (!(sd >= 0)) {
            throw new IllegalArgumentException("sd must be >= 0, got " + sd);
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("min (" + min + ") must not exceed max (" + max + ")");
        }
    }

    /** N(mean, sd) clipped to (0, 1), SimuLine's convention for per-agent weights. */
    public static Normal unit(double mean, double sd) {
        return new Normal(mean, sd, 0.0, 1.0);
    }

    public double sample(SplitMix rng) {
        double x = mean + sd * rng.nextGaussian();
        return Math.max(min, Math.min(max, x));
    }
}
