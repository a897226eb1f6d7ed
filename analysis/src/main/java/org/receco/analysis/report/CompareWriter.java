package org.receco.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.receco.core.store.RunDatabase;

/**
 * Overlays the same metrics from several runs: {@code compare.html} in an output directory, one chart per metric
 * with one line per run (events of every run marked), plus a table of each metric at the last round all runs
 * reached, with each run's difference from the first. Every run is labelled the same way, by its recommender
 * and whatever else differs between the runs (scenario, seed, rounds; the run directory when nothing else
 * does), and listed with its round count. When one of the runs was served by the true-utility upper bound
 * ({@code oracle} or {@code ideal}) throughout, every run also gets {@value #RELATIVE_UTILITY}: its
 * {@code utility.per_click} divided by the oracle run's in the same round — realised utility relative to the
 * upper bound, side by side (as Chaney et al. report utility relative to ideal).
 */
public final class CompareWriter {
    public static final String FILE = "compare.html", CHARTS = "compare-charts";
    public static final String RELATIVE_UTILITY = "utility.relative_to_oracle";
    private static final String UTILITY = "utility.per_click";

    private CompareWriter() {
    }

    /** What is known of one run before labelling it. */
    record Run(Path dir, String scenario, List<String> recommenders, long seed, int rounds,
               Map<String, double[][]> series, List<ChartFiles.Event> events) {
        String recommender() {
            return String.join("→", recommenders);
        }
    }

    /** One metric in the table: the round compared, each run's value there (NaN when missing). */
    record Row(String metric, int round, double[] values) {
    }

    public static Path write(List<Path> runDirs, Path outDir) throws IOException, SQLException {
        System.setProperty("java.awt.headless", "true");
        List<Run> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            try (Connection c = RunDatabase.openPlayed(dir)) {
                RunReader.Manifest m = RunReader.manifest(c);
                runs.add(new Run(dir, m.scenarioName(), RunReader.recommenders(c), m.seed(), m.roundsCompleted(),
                        RunReader.series(c), RunReader.events(c)));
            }
        }
        List<String> labels = labels(runs);
        for (int k = 0; k < runs.size(); k++) {
            List<String> recs = runs.get(k).recommenders();
            if (recs.size() == 1 && (recs.contains("oracle") || recs.contains("ideal"))) {
                addRelativeUtility(runs, runs.get(k).series().get(UTILITY));
                break;
            }
        }
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.series().keySet()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        List<ChartFiles.Event> events = new ArrayList<>();
        runs.forEach(r -> r.events().stream().filter(e -> !events.contains(e)).forEach(events::add));
        Path charts = outDir.resolve(CHARTS);
        StringBuilder html = new StringBuilder(Html.head("RecEco comparison"));
        html.append("<h1>RecEco comparison of ").append(runs.size()).append(" runs</h1>\n<table><tr><th>run</th>"
                + "<th>scenario</th><th>recommender</th><th>seed</th><th>rounds</th><th>directory</th></tr>\n");
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            html.append("<tr><td>").append(Html.esc(labels.get(k))).append("</td><td>").append(Html.esc(r.scenario()))
                    .append("</td><td>").append(Html.esc(r.recommender())).append("</td><td>").append(r.seed())
                    .append("</td><td>").append(r.rounds()).append("</td><td class=\"def\"><code>")
                    .append(Html.esc(r.dir().toAbsolutePath().normalize().toString())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
        List<Row> rows = rows(runs, sorted);
        html.append("<h2>At the common last round</h2>\n<p>").append(Html.esc(roundNote(runs, rows)))
                .append(" Δ columns: the run's value minus ").append(Html.esc(labels.get(0))).append("'s.</p>\n")
                .append("<table><tr><th>metric</th><th>round</th>");
        for (String l : labels) {
            html.append("<th>").append(Html.esc(l)).append("</th>");
        }
        for (int k = 1; k < labels.size(); k++) {
            html.append("<th>Δ ").append(Html.esc(labels.get(k))).append("</th>");
        }
        html.append("</tr>\n");
        for (Row row : rows) {
            html.append("<tr><td>").append(Html.esc(row.metric())).append("</td><td>")
                    .append(row.round() < 0 ? "" : row.round()).append("</td>");
            for (double v : row.values()) {
                html.append("<td>").append(Html.num(v)).append("</td>");
            }
            for (int k = 1; k < row.values().length; k++) {
                double d = row.values()[k] - row.values()[0];
                html.append("<td class=\"").append(d > 0 ? "up" : d < 0 ? "down" : "").append("\">")
                        .append(Double.isNaN(d) ? "" : (d > 0 ? "+" : "") + Html.num(d)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Metrics</h2>\n");
        for (Map.Entry<String, List<String>> fam : ChartFiles.byFamily(sorted).entrySet()) {
            html.append("<h3>").append(Html.esc(fam.getKey())).append("</h3>\n");
            for (String name : fam.getValue()) {
                List<ChartFiles.Series> lines = new ArrayList<>();
                for (int k = 0; k < runs.size(); k++) {
                    double[][] xy = runs.get(k).series().get(name);
                    if (xy != null) {
                        lines.add(new ChartFiles.Series(labels.get(k), xy[0], xy[1]));
                    }
                }
                String base = "metric-" + ChartFiles.fileName(name);
                int height = ChartFiles.write(chart(name, lines, events), charts, base);
                html.append(Html.figure(CHARTS, base, name + (Families.definition(name).isEmpty() ? ""
                        : ": " + Families.definition(name)), height));
            }
        }
        html.append("</body></html>\n");
        Files.createDirectories(outDir);
        Path out = outDir.resolve(FILE);
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    /** One metric's chart: a line per run, the y axis named with the metric and its unit, events marked. */
    static JFreeChart chart(String metric, List<ChartFiles.Series> lines, List<ChartFiles.Event> events) {
        return ChartFiles.timeSeries(metric, metric + " (" + Families.unit(metric) + ")", lines, events);
    }

    /**
     * Labels built the same way for every run: the recommender, then the scenario, seed and round count where
     * runs differ in them, then the directory name where two labels would still coincide.
     */
    static List<String> labels(List<Run> runs) {
        boolean scenario = runs.stream().map(Run::scenario).distinct().count() > 1;
        boolean seed = runs.stream().map(Run::seed).distinct().count() > 1;
        boolean rounds = runs.stream().map(Run::rounds).distinct().count() > 1;
        List<String> out = new ArrayList<>();
        for (Run r : runs) {
            List<String> parts = new ArrayList<>();
            if (scenario) {
                parts.add(r.scenario());
            }
            parts.add(r.recommender());
            if (seed) {
                parts.add("seed " + r.seed());
            }
            if (rounds) {
                parts.add(r.rounds() + " rounds");
            }
            out.add(String.join(" · ", parts));
        }
        if (out.stream().distinct().count() < out.size()) {
            for (int k = 0; k < out.size(); k++) {
                out.set(k, out.get(k) + " · " + runs.get(k).dir().getFileName());
            }
        }
        if (out.stream().distinct().count() < out.size()) {
            for (int k = 0; k < out.size(); k++) {
                out.set(k, "#" + (k + 1) + " " + out.get(k));
            }
        }
        return out;
    }

    /**
     * Each metric at the last round every run that has it reached (so a 10-round run's round 9 is set beside a
     * 50-round run's round 9, not its round 49); -1 and NaNs when the runs share no round of it.
     */
    static List<Row> rows(List<Run> runs, List<String> metrics) {
        List<Row> out = new ArrayList<>();
        for (String name : metrics) {
            int round = Integer.MAX_VALUE;
            for (Run r : runs) {
                double[][] xy = r.series().get(name);
                if (xy != null && xy[0].length > 0) {
                    round = Math.min(round, RunReader.lastRound(xy));
                }
            }
            double[] values = new double[runs.size()];
            for (int k = 0; k < runs.size(); k++) {
                values[k] = round == Integer.MAX_VALUE ? Double.NaN
                        : RunReader.valueAt(runs.get(k).series().get(name), round);
            }
            out.add(new Row(name, round == Integer.MAX_VALUE ? -1 : round, values));
        }
        return out;
    }

    /** Says which round the table compares and, when the runs' lengths differ, that longer runs went on. */
    static String roundNote(List<Run> runs, List<Row> rows) {
        int common = rows.stream().mapToInt(Row::round).filter(r -> r >= 0).max().orElse(-1);
        boolean same = runs.stream().map(Run::rounds).distinct().count() == 1;
        if (same) {
            return "All runs played " + runs.get(0).rounds() + " rounds; values are at each metric's last recorded "
                    + "round" + (common >= 0 ? " (round " + common + ")" : "") + ".";
        }
        List<String> lengths = new ArrayList<>();
        runs.forEach(r -> lengths.add(String.valueOf(r.rounds())));
        return "The runs played different numbers of rounds (" + String.join(", ", lengths) + "): values are at "
                + "the last round every run reached" + (common >= 0 ? " (round " + common + ")" : "")
                + ", not at each run's own end; the charts show the longer runs' later rounds.";
    }

    /** Adds each run's per-round utility divided by the oracle run's utility in the same round. */
    private static void addRelativeUtility(List<Run> runs, double[][] oracle) {
        if (oracle == null) {
            return;
        }
        Map<Double, Double> byRound = new LinkedHashMap<>();
        for (int k = 0; k < oracle[0].length; k++) {
            byRound.put(oracle[0][k], oracle[1][k]);
        }
        for (Run run : runs) {
            Map<String, double[][]> series = run.series();
            double[][] u = series.get(UTILITY);
            if (u == null) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < u[0].length; k++) {
                Double o = byRound.get(u[0][k]);
                if (o != null && o != 0) {
                    points.add(new double[] {u[0][k], u[1][k] / o});
                }
            }
            double[][] xy = new double[2][points.size()];
            for (int k = 0; k < points.size(); k++) {
                xy[0][k] = points.get(k)[0];
                xy[1][k] = points.get(k)[1];
            }
            series.put(RELATIVE_UTILITY, xy);
        }
    }
}
