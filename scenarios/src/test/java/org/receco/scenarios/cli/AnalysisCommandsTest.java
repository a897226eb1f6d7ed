package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.scenarios.ComponentCatalog;

/** {@code receco report | compare | export | metrics} on two tiny real runs. */
class AnalysisCommandsTest {
    private static final String TINY = """
            name: tiny
            rounds: 4
            users: {count: 80}
            authors: {count: 8}
            slate: {size: 10, match: 8, coldStart: 2}
            store: {impressions: full, snapshotEvery: 2}
            metrics: {homogenisationPairs: 20}
            """;

    @TempDir
    static Path dir;
    static Path runA;
    static Path runB;

    static String[] run(String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @BeforeAll
    static void runs() throws Exception {
        Path f = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        for (String rec : List.of("popular", "random")) {
            String[] r = run("run", f.toString(), "--out", dir.resolve(rec).toString(), "--quiet",
                    "--set", "recommender.name=" + rec);
            assertEquals("0", r[0], r[2]);
        }
        runA = only(dir.resolve("popular"));
        runB = only(dir.resolve("random"));
    }

    static Path only(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void reportWritesHtmlWithEveryChartAsPngAndSvg() throws Exception {
        String[] r = run("report", runA.toString(), "--pca-rounds", "0,3");
        assertEquals("0", r[0], r[2]);
        String html = Files.readString(runA.resolve("report.html"));
        assertTrue(html.contains("<td>gini.exposure.item</td>"), html);
        assertTrue(html.contains("<h2>Summary</h2>"), html);
        assertTrue(html.contains("tiny"), html);
        assertTrue(html.contains("latent-round-0.png") && html.contains("latent-round-3.png"), html);
        try (Stream<Path> s = Files.list(runA.resolve("report-charts"))) {
            List<String> files = s.map(p -> p.getFileName().toString()).toList();
            for (String png : files.stream().filter(n -> n.endsWith(".png")).toList()) {
                assertTrue(files.contains(png.replace(".png", ".svg")), png);
                assertTrue(html.contains("report-charts/" + png), png);
            }
            assertTrue(files.contains("family-gini.svg"), files.toString());
        }
        assertTrue(Files.readString(runA.resolve("report-charts/family-gini.svg")).contains("<svg"));
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no network resources");
    }

    @Test
    void aSnapshotRoundThatDoesNotExistIsAnError() {
        String[] r = run("report", runB.toString(), "--pca-rounds", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--pca-rounds: no snapshot at round 1; snapshot rounds: [0, 2, 3]"), r[2]);
        assertTrue(!Files.exists(runB.resolve("report.html")) && !Files.exists(runB.resolve("report-charts")),
                "nothing written");
    }

    @Test
    void compareOverlaysRunsWithALegendPerRun() throws Exception {
        Path out = dir.resolve("cmp");
        String[] r = run("compare", runA.toString(), runB.toString(), "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        String html = Files.readString(out.resolve("compare.html"));
        // same scenario and seed: the labels name only what differs, the recommender
        assertTrue(html.contains("<th>popular</th>") && html.contains("<th>random</th>"), html);
        assertTrue(html.contains("<th>Δ random</th>"), html);
        assertTrue(Files.exists(out.resolve("compare-charts/metric-gini.exposure.item.png")));
    }

    @Test
    void reportStatesFindingsAgainstABaseline() throws Exception {
        String[] r = run("report", runA.toString(), "--baseline", runB.toString());
        assertEquals("0", r[0], r[2]);
        String html = Files.readString(runA.resolve("report.html"));
        assertTrue(html.contains("<h3>Against the baseline tiny · random · seed 1"), html);
    }

    /** A run on a read-only disk (a tmpfs the test remounts read-only; skipped where it cannot mount one). */
    @Test
    void aRunThatCannotBeWrittenGetsItsReportWithOutAndAPlainRefusalWithout() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("ro-disk"));
        org.junit.jupiter.api.Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                disk.toString()) == 0, "cannot mount a tmpfs here (needs root): read-only report test skipped");
        try {
            Path f = Files.writeString(dir.resolve("tiny-ro.yaml"), TINY);
            assertEquals("0", run("run", f.toString(), "--out", disk.toString(), "--quiet")[0]);
            Path ro = only(disk);
            assertEquals(0, sh("mount", "-o", "remount,ro", disk.toString()));
            String[] r = run("report", ro.toString());
            assertEquals("2", r[0], r[2]);
            assertTrue(r[2].contains("RUN_DIR " + ro + " cannot be written (read-only)")
                    && r[2].contains("--out DIR"), r[2]);
            assertTrue(!r[2].contains("Exception") && !r[2].contains("\tat "), r[2]);
            assertTrue(!Files.exists(ro.resolve("report.html")), "nothing written");
            Path out = dir.resolve("ro-report");
            r = run("report", ro.toString(), "--out", out.toString());
            assertEquals("0", r[0], r[2]);
            assertTrue(Files.readString(out.resolve("report.html")).contains("tiny"));
            for (String[] reader : List.of(new String[] {"metrics", "--compute", ro.toString()},
                    new String[] {"export", ro.toString(), "--format", "csv"})) {
                r = run(reader);
                assertEquals("2", r[0], reader[0] + ": " + r[2]);
                assertTrue(r[2].contains("RUN_DIR " + ro + " cannot be written (read-only)")
                        && r[2].contains("--out DIR"), r[2]);
            }
            Path offline = dir.resolve("ro-metrics");
            r = run("metrics", "--compute", ro.toString(), "--names", "gini.exposure.item", "--out", offline.toString());
            assertEquals("0", r[0], r[2]);
            assertEquals(1 + 4, Files.readAllLines(offline.resolve("metrics-offline.csv")).size());
        } finally {
            sh("umount", "-l", disk.toString());
        }
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void aDirectoryWithoutARunDatabaseIsRefusedWithNothingWritten() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[] r = run("report", runB.toString(), "--baseline", empty.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--baseline " + empty + ": no run database (run.mv.db) there"), r[2]);
        assertTrue(!Files.exists(runB.resolve("report.html")), "nothing written");
        Path out = dir.resolve("cmp-refused");
        r = run("compare", runA.toString(), empty.toString(), "--out", out.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("RUN_DIR " + empty + ": no run database"), r[2]);
        assertTrue(!Files.exists(out), "nothing written");
        r = run("metrics", "--compute", empty.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--compute " + empty + ": no run database (run.mv.db) there"), r[2]);
        r = run("metrics", "--compute", dir.resolve("nosuch").toString());
        assertEquals("2", r[0], r[2]);
        try (Stream<Path> s = Files.list(empty)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void exportWritesEveryTableAsCsvWithMetricsInLongForm() throws Exception {
        Path out = dir.resolve("csv");
        String[] r = run("export", runA.toString(), "--format", "csv", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("round,name,value", metrics.get(0));
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("3,gini.exposure.item,")), metrics.toString());
        assertEquals(1 + 4 * 80 * 10, Files.readAllLines(out.resolve("impressions.csv")).size());
        String snap = Files.readAllLines(out.resolve("snapshots.csv")).get(0);
        assertTrue(snap.startsWith("round,kind,id,topic,v1,"), snap);
        assertEquals("2", run("export", runA.toString(), "--format", "xlsx")[0]);
    }

    @Test
    void metricsListsEveryMetricAndComputesOffline() throws Exception {
        String[] r = run("metrics");
        assertEquals("0", r[0], r[2]);
        for (String name : MetricCatalog.registry().names()) {
            assertTrue(r[1].contains(name), name);
        }
        String[] c = run("metrics", "--compute", runA.toString(), "--names", "gini.exposure.item,diversity.ils");
        assertEquals("0", c[0], c[2]);
        assertTrue(c[1].contains("gini.exposure.item: 4 of 4 rounds"), c[1]);
        assertTrue(c[1].contains("diversity.ils: 3 of 4 rounds; other rounds lack live item vectors"), c[1]);
        assertTrue(Files.readAllLines(runA.resolve("metrics-offline.csv")).size() == 1 + 4 + 3);
    }

    @Test
    void metricsListsStudyMetricsAndExplainsWhatCannotBeComputedOffline() throws Exception {
        String[] r = run("metrics");
        for (String name : List.of("homogenisation.similar", "gini.interactions", "mse", "ndcg.niche",
                "popularity.slate_live_ratio", "utility.per_click")) {
            assertTrue(r[1].contains(name), name);
        }
        assertTrue(r[1].contains("live only, in a study with a baseline arm"), r[1]);
        String[] live = run("metrics", "--compute", runA.toString(), "--names", "gini.exposure.item,mse");
        assertEquals("2", live[0], live[1]);
        assertTrue(live[2].contains("'mse' cannot be computed offline: live only (reads the recommender's "
                + "predicted scores"), live[2]);
        assertTrue(live[2].contains("metrics.names"), live[2]);
        String[] study = run("metrics", "--compute", runA.toString(), "--names", "homogenisation.similar");
        assertEquals("2", study[0]);
        assertTrue(study[2].contains("study file's metrics: list"), study[2]);
        String[] all = run("metrics", "--compute", runA.toString());
        assertEquals("0", all[0], all[2]);
        assertTrue(all[1].contains("live-only metrics"), all[1]);
    }
}
