package org.receco.analysis.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * The mean of {@code n} replicates with its 95 % confidence interval, Student's t with n − 1 degrees of
 * freedom ({@code mean ± t_{0.975, n−1} · sd / √n}, t from Commons Math). The one interval of sweeps and
 * studies. With one replicate the spread, and so the interval, is undefined: {@code sd}, {@code low} and
 * {@code high} are NaN (not a zero-width interval, which would claim certainty one run cannot give); with
 * none the mean is NaN too.
 *
 * @param sd sample standard deviation (n − 1 in the denominator)
 */
public record MeanInterval(double mean, double sd, double low, double high, int n) {
    /** Two-sided coverage of the interval. */
    public static final double LEVEL = 0.95;

    /** The interval of the non-NaN {@code values} (NaN marks a missing replicate). */
    public static MeanInterval of(double... values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = new Mean().evaluate(v);
        return of(mean, v.length < 2 ? Double.NaN : Math.sqrt(new Variance(true).evaluate(v, mean)), v.length);
    }

    /** The interval of the values summarised by {@code s}. */
    public static MeanInterval of(StatisticalSummary s) {
        int n = (int) s.getN();
        return n == 0 ? of() : of(s.getMean(), n < 2 ? Double.NaN : s.getStandardDeviation(), n);
    }

    private static MeanInterval of(double mean, double sd, int n) {
        if (n < 2) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2)
                * sd / Math.sqrt(n);
        return new MeanInterval(mean, sd, mean - half, mean + half, n);
    }

    /** Whether the interval is defined (at least two replicates). */
    public boolean defined() {
        return !Double.isNaN(low);
    }

    /** Whether the whole interval lies above {@code x}; false when it is undefined. */
    public boolean above(double x) {
        return low > x;
    }

    /** Whether the whole interval lies below {@code x}; false when it is undefined. */
    public boolean below(double x) {
        return high < x;
    }

    /** The lower bound, or the mean where the interval is undefined (for bands drawn around a line). */
    public double lowOrMean() {
        return defined() ? low : mean;
    }

    /** The upper bound, or the mean where the interval is undefined. */
    public double highOrMean() {
        return defined() ? high : mean;
    }

    @Override
    public String toString() {
        return defined() ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (n=%d)", mean, low, high, n)
                : String.format(Locale.ROOT, "%.4f [no interval] (n=%d)", mean, n);
    }
}
