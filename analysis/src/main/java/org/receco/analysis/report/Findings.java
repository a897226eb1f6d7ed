package org.receco.analysis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run found, in sentences a reader can quote: which metrics rose and fell most between their first and
 * last recorded rounds, by how much, what happened when, and, given a baseline run, how the last values differ
 * from the baseline's at the same round. The kernel's activity counters (users, items, clicks) are left out of
 * the ranking: they describe the run's size, not its outcome.
 */
public final class Findings {
    /** Changes smaller than this share of the larger magnitude count as "stayed". */
    static final double STEADY = 0.05;
    /** Rises and falls named in sentences, each, besides the key metrics. */
    static final int NAMED = 4;
    /**
     * Stated first whichever way they went: the outcomes the run summary prints and the bundled sweep compares
     * (exposure concentration, homogenisation, interest shift, realised utility).
     */
    static final List<String> KEY = List.of("gini.exposure.item", "homogenisation.click", "interest.shift",
            "utility.per_click");

    private Findings() {
    }

    /** One metric from its first to its last recorded round. */
    public record Change(String metric, int fromRound, double from, int toRound, double to) {
        public double delta() {
            return to - from;
        }

        /**
         * The change relative to the larger of the two magnitudes, in [-2, 2]: bounded when a metric starts at
         * zero, so it ranks rises and falls of metrics on any scale.
         */
        public double size() {
            double m = Math.max(Math.abs(from), Math.abs(to));
            return m == 0 ? 0 : delta() / m;
        }

        public boolean rose() {
            return size() > STEADY;
        }

        public boolean fell() {
            return size() < -STEADY;
        }
    }

    /** A run to compare against: how it is named and its metric series. */
    public record Baseline(String label, Map<String, double[][]> series) {
    }

    /** The change of every non-activity metric with at least two rounds, in the series' order. */
    public static List<Change> changes(Map<String, double[][]> series) {
        List<Change> out = new ArrayList<>();
        series.forEach((name, xy) -> {
            if (xy[0].length >= 2 && !Families.of(name).equals("activity")) {
                out.add(new Change(name, RunReader.firstRound(xy), xy[1][0], RunReader.lastRound(xy),
                        xy[1][xy[1].length - 1]));
            }
        });
        return out;
    }

    /** The metrics other than the key ones that rose (or fell) most, largest relative change first. */
    static List<Change> top(List<Change> changes, boolean rising, int n) {
        return changes.stream().filter(rising ? Change::rose : Change::fell).filter(c -> !KEY.contains(c.metric()))
                .sorted(Comparator.comparingDouble(c -> -Math.abs(c.size()))).limit(n).toList();
    }

    /** The findings as HTML-free sentences, in reading order: the tally, the named metrics, the events. */
    public static List<String> sentences(Map<String, double[][]> series, List<ChartFiles.Event> events) {
        List<Change> changes = changes(series);
        List<String> out = new ArrayList<>();
        long rose = changes.stream().filter(Change::rose).count();
        long fell = changes.stream().filter(Change::fell).count();
        out.add(String.format(Locale.ROOT, "Of %d metrics, %d rose and %d fell by more than %.0f %% between their "
                + "first and last recorded rounds; %d stayed within %.0f %%.", changes.size(), rose, fell,
                100 * STEADY, changes.size() - rose - fell, 100 * STEADY));
        List<Change> named = named(changes);
        for (Change c : named) {
            out.add(sentence(c));
        }
        for (ChartFiles.Event e : events) {
            out.add("At round " + e.round() + " (" + e.type() + "): " + e.description() + ".");
        }
        return out;
    }

    /** The key metrics that were recorded, then the largest other rises, then the largest other falls. */
    static List<Change> named(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (String k : KEY) {
            changes.stream().filter(c -> c.metric().equals(k)).forEach(out::add);
        }
        out.addAll(top(changes, true, NAMED));
        out.addAll(top(changes, false, NAMED));
        return out;
    }

    /** The named metrics beside the baseline's, one sentence each (empty without a baseline). */
    public static List<String> againstBaseline(Map<String, double[][]> series, Baseline baseline) {
        List<String> out = new ArrayList<>();
        if (baseline == null) {
            return out;
        }
        List<Change> changes = changes(series);
        List<Change> named = named(changes);
        for (Change c : named) {
            String s = againstBaseline(c, series.get(c.metric()), baseline);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** "gini.exposure.item rose from 0.2163 at round 0 to 0.8699 at round 29 (+0.6536, +302 %)." */
    static String sentence(Change c) {
        return c.metric() + " " + (c.delta() > 0 ? "rose" : "fell") + " from " + Html.num(c.from()) + " at round "
                + c.fromRound() + " to " + Html.num(c.to()) + " at round " + c.toRound() + " ("
                + difference(c.from(), c.to()) + ").";
    }

    /**
     * The metric beside the baseline's at the run's last round, or at the last round both reached (said so)
     * when the baseline stopped earlier; null when the baseline lacks the metric.
     */
    static String againstBaseline(Change c, double[][] run, Baseline baseline) {
        double[][] base = baseline.series().get(c.metric());
        if (base == null) {
            return null;
        }
        int round = Math.min(c.toRound(), RunReader.lastRound(base));
        double mine = RunReader.valueAt(run, round);
        double theirs = RunReader.valueAt(base, round);
        if (Double.isNaN(mine) || Double.isNaN(theirs)) {
            return null;
        }
        String when = round == c.toRound() ? "At round " + round
                : "At round " + round + " (the last round both runs reached)";
        String verb = mine > theirs ? "above" : mine < theirs ? "below" : "equal to";
        return when + ", " + c.metric() + " is " + Html.num(mine) + ", " + verb + " the baseline's "
                + Html.num(theirs) + " (" + difference(theirs, mine) + ").";
    }

    /**
     * "+0.6536, +302 %"; "×17" instead past ten-fold; no relative figure from zero or across a change of sign,
     * where a percentage says nothing.
     */
    static String difference(double from, double to) {
        double d = to - from;
        String abs = (d >= 0 ? "+" : "−") + Html.num(Math.abs(d));
        if (from == 0 || Math.signum(from) != Math.signum(to)) {
            return abs;
        }
        double ratio = to / from;
        if (ratio >= 10) {
            return abs + ", ×" + String.format(Locale.ROOT, "%.0f", ratio);
        }
        return abs + ", " + (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.0f %%", Math.abs(100 * d / from));
    }
}
