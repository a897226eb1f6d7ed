package org.receco.scenarios.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.sql.Connection;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.receco.analysis.report.ChartFiles;
import org.receco.analysis.report.RunReader;
import org.receco.analysis.stats.MeanInterval;
import org.receco.core.store.RunDatabase;
import org.receco.core.util.Csv;
import org.receco.scenarios.sweep.SweepPlan.PlannedRun;
import org.receco.scenarios.sweep.SweepPlan.Point;

/**
 * The sweep's summary, from the index: per point and chosen metric, the mean of the last-round value over the
 * completed replicates and its 95 % confidence interval ({@link MeanInterval}: Student's t, undefined for one
 * replicate), written as {@code summary.csv}, and {@code summary.html} with one chart per metric (x = the plotted
 * parameter, one line per combination of the other parameters, bands = the interval) and a curves chart of one
 * metric over rounds per point ({@code charts/*.png} and {@code *.svg}).
 */
public final class SweepSummary {
    /** The CSV's name inside the output directory. */
    public static final String CSV = "summary.csv";
    /** The HTML page's name inside the output directory. */
    public static final String HTML = "summary.html";

    /**
     * One metric at one point.
     *
     * @param n      completed replicates with a value
     * @param failed failed replicates
     * @param low    lower end of the 95 % interval (NaN with fewer than 2 values)
     * @param high   upper end of the 95 % interval (NaN with fewer than 2 values)
     */
    public record Cell(Point point, String metric, int n, int failed, double mean, double sd, double low,
                       double high) {
    }

    /** A metric's mean and interval per round at one point. */
    public record Curve(Point point, double[] rounds, double[] mean, double[] low, double[] high) {
    }

    private SweepSummary() {
    }

    /** Mean and 95 % interval of {@code metric} at every point. */
    public static List<Cell> cells(SweepPlan plan, SweepIndex index, String metric) throws SQLException {
        Map<String, Double> values = index.metric(metric);
        Map<String, SweepIndex.Row> rows = index.runs();
        List<Cell> out = new ArrayList<>();
        int reps = plan.definition().replicates();
        for (Point p : plan.points()) {
            SummaryStatistics s = new SummaryStatistics();
            int failed = 0;
            for (int r = 0; r < reps; r++) {
                String key = SweepIndex.key(p.index(), r);
                SweepIndex.Row row = rows.get(key);
                if (row != null && RunRecord.FAILED.equals(row.status())) {
                    failed++;
                }
                Double v = values.get(key);
                if (v != null && !v.isNaN()) {
                    s.addValue(v);
                }
            }
            MeanInterval ci = MeanInterval.of(s);
            out.add(new Cell(p, metric, ci.n(), failed, ci.mean(), ci.sd(), ci.low(), ci.high()));
        }
        return out;
    }

    /** {@code metric} per round at every point: mean and 95 % interval over the completed replicates. */
    public static List<Curve> curves(SweepPlan plan, SweepIndex index, String metric) throws SQLException {
        Map<String, TreeMap<Integer, Double>> all = index.curves(metric);
        List<Curve> out = new ArrayList<>();
        for (Point p : plan.points()) {
            TreeMap<Integer, SummaryStatistics> byRound = new TreeMap<>();
            for (PlannedRun run : plan.runs()) {
                if (run.point().index() != p.index()) {
                    continue;
                }
                TreeMap<Integer, Double> series = all.get(SweepIndex.key(p.index(), run.replicate()));
                if (series != null) {
                    series.forEach((round, v) -> byRound.computeIfAbsent(round, k -> new SummaryStatistics())
                            .addValue(v));
                }
            }
            int n = byRound.size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            int i = 0;
            for (Map.Entry<Integer, SummaryStatistics> e : byRound.entrySet()) {
                x[i] = e.getKey();
                MeanInterval ci = MeanInterval.of(e.getValue());
                mean[i] = ci.mean();
                low[i] = ci.lowOrMean();
                high[i] = ci.highOrMean();
                i++;
            }
            out.add(new Curve(p, x, mean, low, high));
        }
        return out;
    }

    /** Writes {@code summary.csv}, {@code summary.html} and the charts into the output directory. */
    public static void write(SweepPlan plan, SweepIndex index) throws SQLException {
        SweepDefinition d = plan.definition();
        Path out = d.output();
        Path charts = out.resolve("charts");
        try {
            Files.createDirectories(charts);
            List<String> known = index.metricNames();
            StringBuilder text = new StringBuilder();
            Csv csv = new Csv(text).field("point");
            for (String p : plan.parameterPaths()) {
                csv.field(p);
            }
            csv.row("metric", "replicates", "failed", "mean", "sd", "ci95_low", "ci95_high");
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sweep ").append(esc(d.name()))
                    .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}"
                            + "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;"
                            + "padding:2px 6px;text-align:right}td.l,th.l{text-align:left}img{max-width:100%}"
                            + "</style></head><body>\n")
                    .append("<h1>Sweep ").append(esc(d.name())).append("</h1>\n<p>Scenario <code>")
                    .append(esc(String.valueOf(d.scenario()))).append("</code>; ").append(plan.points().size())
                    .append(" points &times; ").append(d.replicates()).append(" replicates; sweep seed ")
                    .append(d.seed()).append(". Values are the metric's last recorded round; mean over completed ")
                    .append("replicates with its 95&nbsp;% confidence interval (Student's t). Data: <a href=\"")
                    .append(CSV).append("\">").append(CSV).append("</a>.</p>\n");
            header(html, d, index);
            for (String metric : d.metrics()) {
                List<Cell> cells = cells(plan, index, metric);
                for (Cell c : cells) {
                    csv.field(c.point().index());
                    for (String p : plan.parameterPaths()) {
                        csv.field(c.point().value(p));
                    }
                    csv.field(metric).field(c.n()).field(c.failed())
                            .row(num(c.mean()), num(c.sd()), num(c.low()), num(c.high()));
                }
                html.append("<h2>").append(esc(metric)).append("</h2>\n");
                if (!known.isEmpty() && !known.contains(metric)) {
                    html.append("<p><b>No run recorded a metric named '").append(esc(metric))
                            .append("'.</b> Recorded metrics: ").append(esc(String.join(", ", known)))
                            .append("</p>\n");
                    continue;
                }
                String file = "metric-" + fileName(metric);
                SweepCharts.metricChart(plan, cells, metric).write(charts, file);
                html.append("<p><img src=\"charts/").append(file).append(".svg\" alt=\"").append(esc(metric))
                        .append("\"></p>\n");
                table(html, plan, cells);
            }
            String curveFile = "curves-" + fileName(d.curves());
            html.append("<h2>").append(esc(d.curves())).append(" over rounds</h2>\n");
            if (!known.isEmpty() && !known.contains(d.curves())) {
                html.append("<p><b>No run recorded a metric named '").append(esc(d.curves())).append("'.</b></p>\n");
            } else {
                SweepCharts.curvesChart(curves(plan, index, d.curves()), d.curves(), events(out, index))
                        .write(charts, curveFile);
                html.append("<p><img src=\"charts/").append(curveFile).append(".svg\" alt=\"curves\"></p>\n");
            }
            html.append("</body></html>\n");
            Files.writeString(out.resolve(CSV), text, StandardCharsets.UTF_8);
            Files.writeString(out.resolve(HTML), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary in " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rounds the runs played and every fixed override with where it was written, so a shortened sweep (say
     * {@code --set rounds=10 --set store.enabled=false}) cannot pass for the full one.
     */
    static void header(StringBuilder html, SweepDefinition d, SweepIndex index) throws SQLException {
        java.util.TreeSet<Integer> rounds = new java.util.TreeSet<>();
        for (SweepIndex.Row r : index.runs().values()) {
            if (RunRecord.COMPLETED.equals(r.status())) {
                rounds.add(r.roundsCompleted());
            }
        }
        html.append("<p><b>Rounds per run:</b> ").append(rounds.isEmpty() ? "no run completed yet"
                : rounds.size() == 1 ? String.valueOf(rounds.first())
                : rounds.first() + " to " + rounds.last() + " (completed runs differ)").append(". ");
        if (d.set().isEmpty()) {
            html.append("<b>Overrides:</b> none (every value not swept is the scenario's).</p>\n");
            return;
        }
        html.append("<b>Overrides</b> applied to every run:</p>\n<ul class=\"set\">\n");
        for (SweepDefinition.Fixed f : d.set()) {
            String where = f.origin().assignment() != null ? "--set on the command line" : f.origin().toString();
            html.append("<li><code>").append(esc(f.assignment())).append("</code> <small>(").append(esc(where))
                    .append(")</small></li>\n");
        }
        html.append("</ul>\n");
    }

    /**
     * The events of each point's first completed run that kept its database (replicates of a point share their
     * events; a swept event round differs between points, so then each point's round is marked); empty when
     * none kept one.
     */
    static List<ChartFiles.Event> events(Path out, SweepIndex index) throws SQLException {
        List<ChartFiles.Event> all = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (SweepIndex.Row r : index.runs().values()) {
            Path db = out.resolve(r.runDir());
            if (!RunRecord.COMPLETED.equals(r.status()) || !Files.exists(db.resolve(RunDatabase.FILE_NAME))
                    || !seen.add(r.point())) {
                continue;
            }
            try (Connection c = RunDatabase.open(db)) {
                for (ChartFiles.Event e : RunReader.events(c)) {
                    if (all.stream().noneMatch(x -> x.round() == e.round() && x.type().equals(e.type()))) {
                        all.add(e);
                    }
                }
            }
        }
        return all;
    }

    private static void table(StringBuilder html, SweepPlan plan, List<Cell> cells) {
        html.append("<table><tr><th>point</th>");
        for (String p : plan.parameterPaths()) {
            html.append("<th class=\"l\">").append(esc(p)).append("</th>");
        }
        html.append("<th>n</th><th>failed</th><th>mean</th><th>95&nbsp;% CI</th></tr>\n");
        for (Cell c : cells) {
            html.append("<tr><td>").append(c.point().index()).append("</td>");
            for (String p : plan.parameterPaths()) {
                html.append("<td class=\"l\">").append(esc(c.point().value(p))).append("</td>");
            }
            html.append("<td>").append(c.n()).append("</td><td>").append(c.failed()).append("</td><td>")
                    .append(fmt(c.mean())).append("</td><td>")
                    .append(Double.isNaN(c.low()) ? "" : "[" + fmt(c.low()) + ", " + fmt(c.high()) + "]")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    static String fileName(String metric) {
        return metric.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5g", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
