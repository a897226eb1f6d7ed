package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary draws what was swept: a categorical parameter as points with interval bars (no line through
 * values that do not exist between {@code random} and {@code popular}), a numeric one as a line with a band;
 * the curves over rounds mark the runs' event. Two tiny real sweeps (2 replicates each).
 */
class SweepChartsTest {
    static final String GINI = "gini.exposure.item";

    @TempDir
    static Path dir;
    static SweepPlan categorical;
    static SweepPlan numeric;

    @BeforeAll
    static void sweeps() {
        categorical = SweepFixtures.plan(SweepFixtures.sweep(dir.resolve("c"), "cat", """
                name: cat
                scenario: tiny.yaml
                parameters:
                  recommender.name: [random, popular, content]
                  users.params.interestStep: [0.05, 0.2]
                plot: {x: recommender.name}
                replicates: 2
                seed: 3
                metrics: [gini.exposure.item]
                output: OUT
                """, dir.resolve("c-out")));
        numeric = SweepFixtures.plan(SweepFixtures.sweep(dir.resolve("n"), "num", """
                name: num
                scenario: tiny.yaml
                parameters:
                  users.params.interestStep: [0.05, 0.1, 0.2]
                replicates: 2
                seed: 3
                metrics: [gini.exposure.item]
                output: OUT
                """, dir.resolve("n-out")));
        SweepFixtures.run(categorical, 2);
        SweepFixtures.run(numeric, 2);
    }

    private static XYPlot plot(SweepPlan plan) throws Exception {
        try (SweepIndex index = SweepIndex.open(plan.definition().output())) {
            return SweepCharts.metricChart(plan, SweepSummary.cells(plan, index, GINI), GINI).chart().getXYPlot();
        }
    }

    @Test
    void aCategoricalParameterIsDrawnAsPointsWithIntervalBars() throws Exception {
        assertEquals("recommender.name", categorical.definition().plotX());
        XYPlot plot = plot(categorical);
        XYErrorRenderer r = assertInstanceOf(XYErrorRenderer.class, plot.getRenderer());
        assertFalse(r.getBaseLinesVisible(), "no line joins the categories");
        assertTrue(r.getBaseShapesVisible() && r.getDrawYError() && !r.getDrawXError());
        SymbolAxis x = assertInstanceOf(SymbolAxis.class, plot.getDomainAxis());
        assertEquals(List.of("random", "popular", "content"), List.of(x.getSymbols()));
        XYDataset data = plot.getDataset();
        assertEquals(2, data.getSeriesCount(), "one series per interestStep");
        for (int k = 0; k < 3; k++) {
            double a = data.getXValue(0, k);
            double b = data.getXValue(1, k);
            assertTrue(a != b && Math.abs(a - k) < 0.5 && Math.abs(b - k) < 0.5,
                    "the two series stand side by side within category " + k + ": " + a + ", " + b);
        }
        assertTrue(plot.getRangeAxis().getLabel().contains("Gini"), plot.getRangeAxis().getLabel());
    }

    @Test
    void aNumericParameterStaysALineWithABand() throws Exception {
        XYPlot plot = plot(numeric);
        assertInstanceOf(DeviationRenderer.class, plot.getRenderer());
        assertFalse(plot.getDomainAxis() instanceof SymbolAxis);
        assertEquals(0.1, plot.getDataset().getXValue(0, 1), 1e-12, "x is the parameter's value");
    }

    @Test
    void theCurvesMarkTheRunsEvent() throws Exception {
        Path out = categorical.definition().output();
        try (SweepIndex index = SweepIndex.open(out)) {
            var events = SweepSummary.events(out, index);
            assertEquals(1, events.size(), events.toString());
            assertEquals(3, events.get(0).round(), "the tiny scenario's breaking news");
            XYPlot plot = SweepCharts.curvesChart(SweepSummary.curves(categorical, index, GINI), GINI, events)
                    .chart().getXYPlot();
            assertTrue(plot.getDomainMarkers(Layer.FOREGROUND).stream()
                    .anyMatch(m -> ((ValueMarker) m).getValue() == 3));
        }
    }

    @Test
    void theCurvesLegendNamesTheSweptValuesNotPointIds() throws Exception {
        Path out = categorical.definition().output();
        try (SweepIndex index = SweepIndex.open(out)) {
            XYPlot plot = SweepCharts.curvesChart(SweepSummary.curves(categorical, index, GINI), GINI, List.of())
                    .chart().getXYPlot();
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (int k = 0; k < plot.getDataset().getSeriesCount(); k++) {
                keys.add(plot.getDataset().getSeriesKey(k).toString());
            }
            assertEquals(categorical.points().stream().map(SweepPlan.Point::label).toList(), keys);
            assertTrue(keys.stream().allMatch(k -> k.contains("=") && !k.matches("p[0-9]+:.*")), keys.toString());
        }
    }
}
