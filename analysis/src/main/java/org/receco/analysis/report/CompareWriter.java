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
import org.receco.core.store.RunDatabase;

/**
 * Overlays the same metrics from several runs: {@code compare.html} in an output directory, one chart per metric
 * with one line per run, labelled "scenario · recommender · seed" (made unique with the run directory's name
 * when two runs would share a label), plus a table of each metric's last value per run. When one of the runs
 * was served by the true-utility upper bound ({@code oracle} or {@code ideal}) throughout, every run also gets
 * {@value #RELATIVE_UTILITY}: its {@code utility.per_click} divided by the oracle run's in the same round —
 * realised utility relative to the upper bound, side by side (as Chaney et al. report utility relative to ideal).
 */
public final class CompareWriter {
    public static final String FILE = "compare.html", CHARTS = "compare-charts";
    public static final String RELATIVE_UTILITY = "utility.relative_to_oracle";
    private static final String UTILITY = "utility.per_click";

    private CompareWriter() {
    }

    public static Path write(List<Path> runDirs, Path outDir) throws IOException, SQLException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<String, double[][]>> byRun = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        String oracle = null;
        for (Path run : runDirs) {
            try (Connection c = RunDatabase.open(run)) {
                RunReader.Manifest m = RunReader.manifest(c);
                String label = m.scenarioName() + " · " + String.join("→", RunReader.recommenders(c)) + " · seed "
                        + m.seed();
                if (labels.contains(label) || byRun.containsKey(label)) {
                    label = label + " · " + run.getFileName();
                }
                labels.add(label);
                byRun.put(label, RunReader.series(c));
                List<String> recs = RunReader.recommenders(c);
                if (oracle == null && recs.size() == 1 && (recs.contains("oracle") || recs.contains("ideal"))) {
                    oracle = label;
                }
            }
        }
        if (oracle != null) {
            addRelativeUtility(byRun, byRun.get(oracle).get(UTILITY));
        }
        Set<String> names = new LinkedHashSet<>();
        byRun.values().forEach(s -> names.addAll(s.keySet()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        Path charts = outDir.resolve(CHARTS);
        StringBuilder html = new StringBuilder(Html.head("RecEco comparison"));
        html.append("<h1>RecEco comparison of ").append(runDirs.size()).append(" runs</h1>\n<ul>\n");
        for (int k = 0; k < labels.size(); k++) {
            html.append("<li>").append(Html.esc(labels.get(k))).append(": <code>")
                    .append(Html.esc(runDirs.get(k).toAbsolutePath().normalize().toString())).append("</code></li>\n");
        }
        html.append("</ul>\n<h2>Last value</h2>\n<table><tr><th>metric</th>");
        for (String l : labels) {
            html.append("<th>").append(Html.esc(l)).append("</th>");
        }
        html.append("</tr>\n");
        for (String name : sorted) {
            html.append("<tr><td>").append(Html.esc(name)).append("</td>");
            for (String l : labels) {
                double[][] xy = byRun.get(l).get(name);
                html.append("<td>").append(xy == null || xy[1].length == 0 ? "" : Html.num(xy[1][xy[1].length - 1]))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Metrics</h2>\n");
        for (Map.Entry<String, List<String>> fam : ChartFiles.byFamily(sorted).entrySet()) {
            html.append("<h3>").append(Html.esc(fam.getKey())).append("</h3>\n");
            for (String name : fam.getValue()) {
                List<ChartFiles.Series> lines = new ArrayList<>();
                for (String l : labels) {
                    double[][] xy = byRun.get(l).get(name);
                    if (xy != null) {
                        lines.add(new ChartFiles.Series(l, xy[0], xy[1]));
                    }
                }
                String base = "metric-" + ChartFiles.fileName(name);
                ChartFiles.write(ChartFiles.timeSeries(name, name, lines), charts, base);
                html.append(Html.figure(CHARTS, base, name + (Families.definition(name).isEmpty() ? ""
                        : ": " + Families.definition(name))));
            }
        }
        html.append("</body></html>\n");
        Files.createDirectories(outDir);
        Path out = outDir.resolve(FILE);
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    /** Adds each run's per-round utility divided by the oracle run's utility in the same round. */
    private static void addRelativeUtility(Map<String, Map<String, double[][]>> byRun, double[][] oracle) {
        if (oracle == null) {
            return;
        }
        Map<Double, Double> byRound = new LinkedHashMap<>();
        for (int k = 0; k < oracle[0].length; k++) {
            byRound.put(oracle[0][k], oracle[1][k]);
        }
        for (Map<String, double[][]> series : byRun.values()) {
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
