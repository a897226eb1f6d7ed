package org.receco.scenarios.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;
import org.receco.analysis.report.ChartFiles;
import org.receco.analysis.report.Families;
import org.receco.analysis.report.Palette;
import org.receco.scenarios.sweep.SweepPlan.Assignment;
import org.receco.scenarios.sweep.SweepSummary.Cell;
import org.receco.scenarios.sweep.SweepSummary.Curve;

/**
 * The summary's charts, drawn with JFreeChart and saved as PNG and SVG: against a numeric parameter, lines with
 * confidence bands; against a categorical one (a recommender's name), points with interval bars, side by side
 * when several series share a category, since no values lie between {@code random} and {@code popular}.
 * Colours from {@link Palette} (colour-blind safe).
 */
final class SweepCharts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int MAX_LEGEND = 24;

    private SweepCharts() {
    }

    /** A chart ready to be written. */
    record Chart(JFreeChart chart) {
        /** Writes {@code <name>.png} and {@code <name>.svg} into {@code dir}. */
        void write(Path dir, String name) throws IOException {
            ChartUtilities.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), g.getSVGElement());
        }
    }

    /** Horizontal spread of the series sharing a category, as a share of the gap between categories. */
    private static final double DODGE = 0.5;

    /**
     * {@code metric}'s mean per point against the plotted parameter, one series per combination of the other
     * parameters' values: a line with the 95 % interval as a band when the parameter is numeric, points with
     * 95 % interval bars when it is categorical.
     */
    static Chart metricChart(SweepPlan plan, List<Cell> cells, String metric) {
        String xPath = plan.definition().plotX();
        List<String> xLabels = new ArrayList<>();
        for (Cell c : cells) {
            String x = xPath == null ? "all" : c.point().value(xPath);
            if (!xLabels.contains(x)) {
                xLabels.add(x);
            }
        }
        boolean numeric = xLabels.stream().allMatch(SweepCharts::isNumber);
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (c.n() == 0) {
                continue;
            }
            List<String> others = new ArrayList<>();
            for (Assignment a : c.point().assignments()) {
                if (!a.path().equals(xPath)) {
                    others.add(a.path() + "=" + a.label());
                }
            }
            String key = others.isEmpty() ? metric : String.join(", ", others);
            String xl = xPath == null ? "all" : c.point().value(xPath);
            double x = numeric ? Double.parseDouble(xl) : xLabels.indexOf(xl);
            if (!series.containsKey(key)) {
                series.put(key, new YIntervalSeries(key, true, true));
            }
            double low = Double.isNaN(c.low()) ? c.mean() : c.low();
            double high = Double.isNaN(c.high()) ? c.mean() : c.high();
            series.get(key).add(x, c.mean(), low, high);
        }
        if (!numeric && series.size() > 1) {
            dodge(series);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        ValueAxis xAxis = numeric ? new NumberAxis(xPath)
                : new SymbolAxis(xPath == null ? "" : xPath, xLabels.toArray(new String[0]));
        // A SymbolAxis is a NumberAxis too: test it first, or its grey bands shade every other category.
        if (xAxis instanceof SymbolAxis sa) {
            sa.setGridBandsVisible(false);
        } else {
            ((NumberAxis) xAxis).setAutoRangeIncludesZero(false);
        }
        String title = metric + " by " + (xPath == null ? "point" : xPath) + " (mean, 95 % CI)";
        if (numeric) {
            return new Chart(chart(title, xAxis, metric, data));
        }
        xAxis.setRange(-0.5, xLabels.size() - 0.5);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setBaseLinesVisible(false);
        renderer.setBaseShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(8);
        renderer.setErrorStroke(new BasicStroke(2f));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.line(i));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        return new Chart(plot(title, xAxis, metric, data, renderer));
    }

    /** Spreads the series sharing a category side by side, so their interval bars do not cover each other. */
    private static void dodge(Map<String, YIntervalSeries> series) {
        int n = series.size();
        int i = 0;
        for (Map.Entry<String, YIntervalSeries> e : series.entrySet()) {
            YIntervalSeries s = e.getValue();
            YIntervalSeries moved = new YIntervalSeries(s.getKey(), true, true);
            double offset = DODGE * ((i + 0.5) / n - 0.5);
            for (int k = 0; k < s.getItemCount(); k++) {
                moved.add(s.getX(k).doubleValue() + offset, s.getYValue(k), s.getYLowValue(k), s.getYHighValue(k));
            }
            e.setValue(moved);
            i++;
        }
    }

    /** {@code metric} over rounds, one line per point with its 95 % band, the runs' events marked. */
    static Chart curvesChart(List<Curve> curves, String metric, List<ChartFiles.Event> events) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            if (c.rounds().length == 0) {
                continue;
            }
            // named by the swept values ("recommender.name=bpr"), which a reader knows, not by the point's id
            YIntervalSeries s = new YIntervalSeries(c.point().label(), true, true);
            for (int i = 0; i < c.rounds().length; i++) {
                s.add(c.rounds()[i], c.mean()[i], c.low()[i], c.high()[i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = chart(metric + " over rounds per point (mean, 95 % CI)", new NumberAxis("round"), metric,
                data);
        for (ChartFiles.Event e : events) {
            ValueMarker m = new ValueMarker(e.round(), Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
            m.setLabel(e.type() + " (round " + e.round() + ")");
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            chart.getXYPlot().addDomainMarker(m);
        }
        return new Chart(chart);
    }

    private static JFreeChart chart(String title, ValueAxis xAxis, String yLabel, YIntervalSeriesCollection data) {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.line(i));
            renderer.setSeriesFillPaint(i, Palette.line(i));
            renderer.setSeriesStroke(i, Palette.stroke(i, 2f));
        }
        return plot(title, xAxis, yLabel, data, renderer);
    }

    private static JFreeChart plot(String title, ValueAxis xAxis, String yLabel, YIntervalSeriesCollection data,
                                   XYItemRenderer renderer) {
        NumberAxis yAxis = new NumberAxis(yLabel + " (" + Families.unit(yLabel) + ")");
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot,
                data.getSeriesCount() > 1 && data.getSeriesCount() <= MAX_LEGEND);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static boolean isNumber(String s) {
        if (s == null) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
