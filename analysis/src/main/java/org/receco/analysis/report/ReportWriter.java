package org.receco.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.receco.core.store.RunDatabase;

/**
 * Writes {@code report.html} beside a run's database, with its charts in {@code report-charts/}: the findings
 * first (what rose and fell most, by how much, the events, and the difference from a baseline run when one is
 * given; see {@link Findings}), a summary table (first, last, min, max of every recorded metric by family,
 * aggregated in SQL), one small-multiples chart per metric family (a panel per scale, events marked; PNG shown,
 * SVG linked), the latent space at chosen rounds projected by PCA, and the scenario. The page is self-contained
 * (no network). Charts are drawn headless. Only the {@code metrics}, {@code rounds}, {@code events},
 * {@code run_manifest} and the chosen rounds' {@code snapshots} are read, and for a run with LLM users what
 * {@link LlmUsersSection} reads (LLM against latent users, pages by persona activity, the LLM ledger).
 */
public final class ReportWriter {
    public static final String FILE = "report.html", CHARTS = "report-charts";

    private ReportWriter() {
    }

    /**
     * @param pcaRounds snapshot rounds to project (empty: the first, middle and last snapshot rounds)
     * @return the report file
     */
    public static Path write(Path runDir, List<Integer> pcaRounds) throws IOException, SQLException {
        return write(runDir, pcaRounds, null);
    }

    /**
     * @param pcaRounds snapshot rounds to project (empty: the first, middle and last snapshot rounds)
     * @param baseline  a run to state the findings against, or null
     * @return the report file
     * @throws IllegalArgumentException when a requested round has no snapshot (nothing is written then)
     */
    public static Path write(Path runDir, List<Integer> pcaRounds, Path baseline) throws IOException, SQLException {
        return write(runDir, pcaRounds, baseline, runDir);
    }

    /**
     * The report of {@code runDir} written into {@code outDir} ({@code report.html} and {@code report-charts/}, created
     * when missing) rather than beside the database.
     */
    public static Path write(Path runDir, List<Integer> pcaRounds, Path baseline, Path outDir)
            throws IOException, SQLException {
        Findings.Baseline against = null;
        if (baseline != null) {
            try (Connection c = RunDatabase.openPlayed(baseline)) {
                RunReader.Manifest bm = RunReader.manifest(c);
                against = new Findings.Baseline(bm.scenarioName() + " · " + String.join("→", RunReader.recommenders(c))
                        + " · seed " + bm.seed() + " (" + baseline.getFileName() + ")", RunReader.series(c));
            }
        }
        System.setProperty("java.awt.headless", "true");
        Path charts = outDir.resolve(CHARTS);
        StringBuilder html = new StringBuilder();
        try (Connection c = RunDatabase.openPlayed(runDir)) {
            RunReader.Manifest m = RunReader.manifest(c);
            List<Integer> snaps = RunReader.snapshotRounds(c);
            List<Integer> chosen = choose(snaps, pcaRounds); // checked before anything is written
            clear(charts);
            List<String> recs = RunReader.recommenders(c);
            html.append(Html.head("RecEco report: " + m.scenarioName()));
            html.append("<h1>RecEco run report: ").append(Html.esc(m.scenarioName())).append("</h1>\n");
            html.append("<p>Run directory <code>").append(Html.esc(runDir.toAbsolutePath().normalize().toString()))
                    .append("</code>; seed ").append(m.seed()).append("; status ").append(Html.esc(m.status()))
                    .append(" after ").append(m.roundsCompleted()).append(" of ").append(m.roundsPlanned())
                    .append(" rounds; recommender ").append(Html.esc(String.join(" → ", recs)))
                    .append("; started ").append(Html.esc(m.startedAt())).append(", ended ")
                    .append(Html.esc(m.endedAt())).append(".</p>\n");

            Map<String, double[][]> series = RunReader.series(c);
            List<ChartFiles.Event> events = new ArrayList<>(RunReader.events(c));
            html.append("<h2>Findings</h2>\n<ul class=\"findings\">\n");
            for (String sentence : Findings.sentences(series, events)) {
                html.append("<li>").append(Html.esc(sentence)).append("</li>\n");
            }
            html.append("</ul>\n");
            attacks(c, events, html);
            LlmUsersSection.write(c, series, html);
            if (against != null) {
                html.append("<h3>Against the baseline ").append(Html.esc(against.label())).append("</h3>\n"
                        + "<ul class=\"findings\">\n");
                for (String sentence : Findings.againstBaseline(series, against)) {
                    html.append("<li>").append(Html.esc(sentence)).append("</li>\n");
                }
                html.append("</ul>\n");
            }

            List<RunReader.Summary> summary = new ArrayList<>(RunReader.summary(c));
            html.append("<h2>Summary</h2>\n<details><summary>First, last, min and max of all ").append(summary.size())
                    .append(" metrics by family (last in blue when above first, vermillion when below)</summary>\n"
                    + "<table><tr><th>metric</th><th>unit</th><th>rounds</th><th>first</th>"
                    + "<th>last</th><th>min</th><th>max</th><th>definition</th></tr>\n");
            summary.sort(java.util.Comparator.comparing((RunReader.Summary s) -> Families.of(s.name()))
                    .thenComparing(RunReader.Summary::name));
            for (RunReader.Summary s : summary) {
                String trend = s.last() > s.first() ? "up" : s.last() < s.first() ? "down" : "";
                html.append("<tr><td>").append(Html.esc(s.name())).append("</td><td class=\"def\">")
                        .append(Html.esc(Families.unit(s.name()))).append("</td><td>").append(s.rounds())
                        .append("</td><td>").append(Html.num(s.first())).append("</td><td class=\"").append(trend)
                        .append("\">").append(Html.num(s.last()))
                        .append("</td><td>").append(Html.num(s.min())).append("</td><td>").append(Html.num(s.max()))
                        .append("</td><td class=\"def\">").append(Html.esc(Families.definition(s.name())))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n</details>\n");

            html.append("<h2>Metrics by family</h2>\n<p>One panel per scale; dashed vertical lines mark the run's "
                    + "events.</p>\n");
            for (Map.Entry<String, List<String>> fam : ChartFiles.byFamily(series.keySet()).entrySet()) {
                List<ChartFiles.Series> lines = new ArrayList<>();
                for (String name : fam.getValue()) {
                    double[][] xy = series.get(name);
                    lines.add(new ChartFiles.Series(name, xy[0], xy[1]));
                }
                String base = "family-" + ChartFiles.fileName(fam.getKey());
                JFreeChart chart = familyChart(fam.getKey(), lines, events);
                int height = ChartFiles.write(chart, charts, base);
                html.append("<h3>").append(Html.esc(fam.getKey())).append("</h3>\n").append(Html.figure(CHARTS, base,
                        fam.getKey() + ": " + String.join(", ", fam.getValue()), height));
            }

            html.append("<h2>Latent space</h2>\n");
            if (chosen.isEmpty()) {
                html.append("<p>No snapshots were recorded (set <code>store.snapshotEvery</code> &gt; 0).</p>\n");
            } else {
                LatentPca pca = LatentPca.fit(c, chosen);
                if (!pca.fitted()) {
                    html.append("<p>Too few points for a projection.</p>\n");
                } else {
                    html.append("<p>Users (circles) and live items (squares) projected on the two principal axes "
                            + "of all shown rounds together; colour = topic (nearest topic centre), one colour for "
                            + "a topic's users and items.</p>\n");
                    double[] bounds = pca.bounds();
                    for (LatentPca.Points p : pca.rounds()) {
                        String base = "latent-round-" + p.round();
                        ChartFiles.write(pca.chart(p, bounds), charts, base);
                        html.append(Html.figure(CHARTS, base, "Latent space at round " + p.round() + ": "
                                + p.users().length + " users, " + p.items().length + " items"));
                    }
                }
            }
            html.append("<h2>Scenario</h2>\n<pre>").append(Html.esc(m.scenarioText())).append("</pre>\n");
        }
        html.append("</body></html>\n");
        Files.createDirectories(outDir);
        Path out = outDir.resolve(FILE);
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    /** Removes the charts of an earlier report, so none of another round choice lingers beside the new page. */
    private static void clear(Path charts) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
        try (java.util.stream.Stream<Path> old = Files.list(charts)) {
            for (Path p : old.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".png") || n.endsWith(".svg")) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * A run with shilling attacks: a table of each attack's effect (the targets' HR@k among genuine users before,
     * during and after its window) beside its stealth (each detector's F1 against the fake labels), and the end of
     * each window added to the events every chart marks.
     */
    private static void attacks(java.sql.Connection c, List<ChartFiles.Event> events, StringBuilder html)
            throws java.sql.SQLException {
        List<org.receco.analysis.shilling.AttackRuns.Attack> attacks =
                org.receco.analysis.shilling.AttackRuns.read(c);
        if (attacks.isEmpty()) {
            return;
        }
        org.receco.analysis.shilling.StealthReport stealth = org.receco.analysis.shilling.AttackRuns.stealth(c);
        html.append("<h2>Attacks: effect against stealth</h2>\n<table><tr><th>attack</th><th>strategy</th>"
                + "<th>rounds</th><th>fake accounts</th><th>fake ratings</th><th>target HR before</th>"
                + "<th>during</th><th>after</th>");
        if (stealth != null) {
            for (var d : stealth.detectors()) {
                html.append("<th>F1 ").append(Html.esc(d.detector())).append("</th>");
            }
        }
        html.append("</tr>\n");
        for (var a : attacks) {
            html.append("<tr><td>").append(Html.esc(a.attack())).append("</td><td>").append(Html.esc(a.strategy()))
                    .append("</td><td>").append(a.start()).append("-").append(a.end() - 1).append("</td><td>")
                    .append(a.accounts()).append("</td><td>").append(Html.num(a.ratings())).append("</td><td>")
                    .append(Html.num(a.before())).append("</td><td>").append(Html.num(a.during())).append("</td><td>")
                    .append(Html.num(a.after())).append("</td>");
            if (stealth != null) {
                for (var d : stealth.detectors()) {
                    html.append("<td>").append(Html.num(d.score().f1())).append("</td>");
                }
            }
            html.append("</tr>\n");
            events.add(new ChartFiles.Event(a.end(), "attack-end", "attack " + a.attack() + " ends"));
        }
        html.append("</table>\n<p class=\"def\">HR@k among genuine users who have not consumed a target; F1 of "
                + "each detector against the store's fake labels over the whole run (lower = stealthier; "
                + "pca-varselect is told the attack size). Dashed lines on the charts mark each attack's start and "
                + "end.</p>\n");
    }

    /** A family's small-multiples chart: its metrics in panels of one unit and scale each, events marked. */
    static JFreeChart familyChart(String family, List<ChartFiles.Series> lines, List<ChartFiles.Event> events) {
        return ChartFiles.smallMultiples(family, ChartFiles.panels(family, lines, Families::unit), events);
    }

    /** The requested rounds that have snapshots, or the first, middle and last snapshot rounds. */
    static List<Integer> choose(List<Integer> snaps, List<Integer> requested) {
        if (snaps.isEmpty()) {
            return List.of();
        }
        if (requested != null && !requested.isEmpty()) {
            List<Integer> out = new ArrayList<>();
            for (int r : requested) {
                if (!snaps.contains(r)) {
                    throw new IllegalArgumentException("no snapshot at round " + r + "; snapshot rounds: " + snaps);
                }
                out.add(r);
            }
            return out;
        }
        List<Integer> out = new ArrayList<>();
        for (int k : new int[] {0, snaps.size() / 2, snaps.size() - 1}) {
            if (!out.contains(snaps.get(k))) {
                out.add(snaps.get(k));
            }
        }
        return out;
    }
}
