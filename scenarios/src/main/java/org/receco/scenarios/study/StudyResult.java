package org.receco.scenarios.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Every replicate's per-round series of every metric, per arm, and the summaries a report needs: the mean
 * with a 95 % confidence interval (Student t over replicates) per round, absolute or relative to the
 * baseline arm. Relative values are paired: replicate r of an arm minus replicate r of the baseline, which
 * ran with the same seed.
 */
public final class StudyResult {
    /** A mean with a 95 % confidence interval over {@code n} replicates. */
    public record Estimate(double mean, double low, double high, int n) {
        public boolean above(double x) {
            return low > x;
        }

        public boolean below(double x) {
            return high < x;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.4f [%.4f, %.4f] (n=%d)", mean, low, high, n);
        }
    }

    private final StudyDefinition def;
    private final int rounds;
    private final long[] seeds;
    /** metric → arm → [replicate][round]. */
    private final Map<String, Map<String, double[][]>> series = new LinkedHashMap<>();
    private double wallSeconds;

    StudyResult(StudyDefinition def, int rounds, long[] seeds) {
        this.def = def;
        this.rounds = rounds;
        this.seeds = seeds.clone();
        for (String m : def.metrics()) {
            Map<String, double[][]> byArm = new LinkedHashMap<>();
            for (String arm : def.arms().keySet()) {
                double[][] s = new double[def.replicates()][rounds];
                for (double[] row : s) {
                    java.util.Arrays.fill(row, Double.NaN);
                }
                byArm.put(arm, s);
            }
            series.put(m, byArm);
        }
    }

    synchronized void record(String arm, int replicate, int round, Map<String, Double> metrics) {
        for (Map.Entry<String, Map<String, double[][]>> e : series.entrySet()) {
            Double v = metrics.get(e.getKey());
            if (v != null && round < rounds) {
                e.getValue().get(arm)[replicate][round] = v;
            }
        }
    }

    void setWallSeconds(double s) {
        wallSeconds = s;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    public StudyDefinition definition() {
        return def;
    }

    public int rounds() {
        return rounds;
    }

    public long seed(int replicate) {
        return seeds[replicate];
    }

    public List<String> arms() {
        return List.copyOf(def.arms().keySet());
    }

    /** Replicate r's value of {@code metric} at {@code round} under {@code arm}. */
    public double value(String metric, String arm, int replicate, int round) {
        return series(metric, arm)[replicate][round];
    }

    private double[][] series(String metric, String arm) {
        Map<String, double[][]> byArm = series.get(metric);
        if (byArm == null || !byArm.containsKey(arm)) {
            throw new IllegalArgumentException("no series for metric '" + metric + "' and arm '" + arm + "'");
        }
        return byArm.get(arm);
    }

    /** Mean over rounds {@code [from, to)} of the metric, per replicate, summarised over replicates. */
    public Estimate mean(String metric, String arm, int from, int to) {
        return estimate(windowed(series(metric, arm), null, from, to));
    }

    /** As {@link #mean} for the paired difference arm − {@code baseline}. */
    public Estimate relative(String metric, String arm, String baseline, int from, int to) {
        return estimate(windowed(series(metric, arm), series(metric, baseline), from, to));
    }

    /** As {@link #mean} for the paired difference of two metrics under one arm ({@code a − b}). */
    public Estimate difference(String metricA, String metricB, String arm, int from, int to) {
        return estimate(windowed(series(metricA, arm), series(metricB, arm), from, to));
    }

    /**
     * The paired difference-in-differences {@code (A_arm − A_baseline) − (B_arm − B_baseline)} over rounds
     * {@code [from, to)}: e.g. how much more niche users lose than mainstream users relative to ideal.
     */
    public Estimate gap(String metricA, String metricB, String arm, String baseline, int from, int to) {
        double[] a = windowed(series(metricA, arm), series(metricA, baseline), from, to);
        double[] b = windowed(series(metricB, arm), series(metricB, baseline), from, to);
        double[] d = new double[a.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = a[r] - b[r];
        }
        return estimate(d);
    }

    private double[] windowed(double[][] x, double[][] minus, int from, int to) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double s = 0;
            int n = 0;
            for (int t = from; t < Math.min(to, rounds); t++) {
                double v = x[r][t] - (minus == null ? 0 : minus[r][t]);
                if (!Double.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
            out[r] = n == 0 ? Double.NaN : s / n;
        }
        return out;
    }

    /** Mean and 95 % t interval of the non-NaN values. */
    static Estimate estimate(double[] values) {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = s / n;
        if (n == 1) {
            return new Estimate(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, mean - t * se, mean + t * se, n);
    }

    /** The per-round estimate (absolute when {@code baseline} is null). */
    public Estimate atRound(String metric, String arm, String baseline, int round) {
        return baseline == null ? mean(metric, arm, round, round + 1)
                : relative(metric, arm, baseline, round, round + 1);
    }
}
