package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;

/**
 * The run report of a small real run: findings first, the event marked on every panel of every family chart,
 * one scale and one unit per panel, colours from the colour-blind-safe palette, and the page written with a
 * baseline.
 */
class ReportWriterTest {
    @TempDir
    static Path dir;
    static Path run;
    static Path baseline;
    static Map<String, List<ChartFiles.Series>> families;
    static List<ChartFiles.Event> events;

    @BeforeAll
    static void runs() throws Exception {
        run = ReportFixtures.run(dir, "popular", 8);
        baseline = ReportFixtures.run(dir, "random", 8);
        families = new java.util.LinkedHashMap<>();
        try (Connection c = RunDatabase.open(run)) {
            Map<String, double[][]> series = RunReader.series(c);
            events = RunReader.events(c);
            ChartFiles.byFamily(series.keySet()).forEach((fam, names) -> {
                List<ChartFiles.Series> lines = new ArrayList<>();
                names.forEach(n -> lines.add(new ChartFiles.Series(n, series.get(n)[0], series.get(n)[1])));
                families.put(fam, lines);
            });
        }
    }

    @Test
    void theEventIsMarkedOnEveryPanelOfEveryFamilyChart() {
        assertEquals(1, events.size(), "the run has its breaking-news event: " + events);
        assertTrue(families.size() >= 10, families.keySet().toString());
        for (Map.Entry<String, List<ChartFiles.Series>> f : families.entrySet()) {
            JFreeChart chart = ReportWriter.familyChart(f.getKey(), f.getValue(), events);
            List<?> panels = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
            assertFalse(panels.isEmpty());
            for (Object o : panels) {
                java.util.Collection<?> markers = ((XYPlot) o).getDomainMarkers(Layer.FOREGROUND);
                assertTrue(markers != null && markers.stream().anyMatch(m ->
                        ((ValueMarker) m).getValue() == ReportFixtures.EVENT_ROUND), f.getKey() + ": " + markers);
            }
        }
    }

    @Test
    void eachPanelHasOneScaleAndAnAxisNamedWithItsUnit() {
        for (Map.Entry<String, List<ChartFiles.Series>> f : families.entrySet()) {
            for (ChartFiles.Panel p : ChartFiles.panels(f.getKey(), f.getValue(), Families::unit)) {
                double max = p.series().stream().mapToDouble(ChartFiles.Series::magnitude).max().orElseThrow();
                double min = p.series().stream().mapToDouble(ChartFiles.Series::magnitude).min().orElseThrow();
                assertTrue(min * ChartFiles.SCALE_FACTOR >= max || max == 0, p.toString());
                for (ChartFiles.Series s : p.series()) {
                    String unit = Families.unit(s.label());
                    assertFalse(unit.equals("value"), s.label() + " has no unit");
                    assertTrue(p.yLabel().contains(unit), p.yLabel() + " vs " + s.label());
                }
                if (p.series().size() == 1) {
                    assertTrue(p.yLabel().startsWith(ChartFiles.shortName(f.getKey(), p.series().get(0).label())),
                            p.yLabel());
                }
            }
        }
        List<ChartFiles.Panel> activity = ChartFiles.panels("activity", families.get("activity"), Families::unit);
        assertTrue(activity.size() >= 3, "users, items and exposures are on different scales: " + activity);
        for (ChartFiles.Panel p : ChartFiles.panels("gini", families.get("gini"), Families::unit)) {
            assertTrue(p.series().size() <= ChartFiles.MAX_LINES, p.toString());
            assertEquals(1, p.series().stream().map(s -> s.label().substring(s.label().lastIndexOf('.')))
                    .distinct().count(), "six Ginis split into item and author panels: " + p);
        }
    }

    @Test
    void everyLineIsInAPaletteColourVisibleOnWhite() {
        for (Map.Entry<String, List<ChartFiles.Series>> f : families.entrySet()) {
            JFreeChart chart = ReportWriter.familyChart(f.getKey(), f.getValue(), events);
            for (Object o : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
                XYPlot plot = (XYPlot) o;
                for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                    Paint p = plot.getRenderer().getSeriesPaint(i);
                    assertTrue(java.util.Arrays.asList(Palette.LINES).contains(p), f.getKey() + ": " + p);
                    assertTrue(Palette.contrast((Color) p, Color.WHITE) >= 3, f.getKey() + ": " + p);
                }
            }
        }
    }

    @Test
    void thePageOpensWithItsFindingsAndTheBaseline() throws Exception {
        Path html = ReportWriter.write(run, List.of(), baseline);
        String page = Files.readString(html);
        int findings = page.indexOf("<h2>Findings</h2>");
        assertTrue(findings > 0 && findings < page.indexOf("<h2>Summary</h2>"), "findings come first");
        assertTrue(page.contains("<h3>Against the baseline "), page.substring(0, 3000));
        assertTrue(page.contains("gini.exposure.item rose from") || page.contains("gini.exposure.item fell from"));
        assertTrue(page.contains("At round " + ReportFixtures.EVENT_ROUND + " (breaking-news)"));
        assertFalse(page.contains("\"value\""));
        assertTrue(Files.exists(run.resolve(ReportWriter.CHARTS).resolve("family-gini.png")));
    }
}
