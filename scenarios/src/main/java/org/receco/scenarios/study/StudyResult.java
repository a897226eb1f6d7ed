package org.receco.scenarios.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.analysis.stats.MeanInterval;

/**
 * Every replicate's per-round series of every metric, per arm, and the summaries a report needs: the mean
 * with a 95 % confidence interval over replicates ({@link MeanInterval}) per round, absolute or relative to
 * the baseline arm. Relative values are paired: replicate r of an arm minus replicate r of the baseline, which
 * ran with the same seed.
 */
public final class StudyResult {
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
    public MeanInterval mean(String metric, String arm, int from, int to) {
        return MeanInterval.of(windowed(series(metric, arm), null, from, to));
    }

    /** As {@link #mean} for the paired difference arm − {@code baseline}. */
    public MeanInterval relative(String metric, String arm, String baseline, int from, int to) {
        return MeanInterval.of(windowed(series(metric, arm), series(metric, baseline), from, to));
    }

    /** As {@link #mean} for the paired difference of two metrics under one arm ({@code a − b}). */
    public MeanInterval difference(String metricA, String metricB, String arm, int from, int to) {
        return MeanInterval.of(windowed(series(metricA, arm), series(metricB, arm), from, to));
    }

    /**
     * The paired difference-in-differences {@code (A_arm − A_baseline) − (B_arm − B_baseline)} over rounds
     * {@code [from, to)}: e.g. how much more niche users lose than mainstream users relative to ideal.
     */
    public MeanInterval gap(String metricA, String metricB, String arm, String baseline, int from, int to) {
        double[] a = windowed(series(metricA, arm), series(metricA, baseline), from, to);
        double[] b = windowed(series(metricB, arm), series(metricB, baseline), from, to);
        double[] d = new double[a.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = a[r] - b[r];
        }
        return MeanInterval.of(d);
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

    /** The per-round estimate (absolute when {@code baseline} is null). */
    public MeanInterval atRound(String metric, String arm, String baseline, int round) {
        return baseline == null ? mean(metric, arm, round, round + 1)
                : relative(metric, arm, baseline, round, round + 1);
    }
}
