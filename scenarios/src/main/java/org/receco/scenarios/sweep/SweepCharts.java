package org.receco.scenarios.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
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
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.receco.scenarios.sweep.SweepPlan.Assignment;
import org.receco.scenarios.sweep.SweepSummary.Cell;
import org.receco.scenarios.sweep.SweepSummary.Curve;

/** The summary's charts: lines with confidence bands, drawn with JFreeChart, saved as PNG and SVG. */
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

    /**
     * {@code metric}'s mean per point against the plotted parameter, one line per combination of the other
     * parameters' values, the 95 % interval as a band.
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
            double low = Double.isNaN(c.low()) ? c.mean() : c.low();
            double high = Double.isNaN(c.high()) ? c.mean() : c.high();
            series.computeIfAbsent(key, k -> new YIntervalSeries(k, true, true)).add(x, c.mean(), low, high);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        ValueAxis xAxis = numeric ? new NumberAxis(xPath)
                : new SymbolAxis(xPath == null ? "" : xPath, xLabels.toArray(new String[0]));
        if (xAxis instanceof NumberAxis na) {
            na.setAutoRangeIncludesZero(false);
        } else {
            ((SymbolAxis) xAxis).setGridBandsVisible(false);
        }
        return new Chart(chart(metric + " by " + (xPath == null ? "point" : xPath) + " (mean, 95 % CI)", xAxis,
                metric, data));
    }

    /** {@code metric} over rounds, one line per point with its 95 % band. */
    static Chart curvesChart(List<Curve> curves, String metric) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            if (c.rounds().length == 0) {
                continue;
            }
            YIntervalSeries s = new YIntervalSeries("p" + c.point().index() + ": " + c.point().label(), true, true);
            for (int i = 0; i < c.rounds().length; i++) {
                s.add(c.rounds()[i], c.mean()[i], c.low()[i], c.high()[i]);
            }
            data.addSeries(s);
        }
        return new Chart(chart(metric + " over rounds per point (mean, 95 % CI)", new NumberAxis("round"), metric,
                data));
    }

    private static JFreeChart chart(String title, ValueAxis xAxis, String yLabel, YIntervalSeriesCollection data) {
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        Paint[] palette = DefaultDrawingSupplier.DEFAULT_PAINT_SEQUENCE;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Paint p = palette[i % palette.length];
            renderer.setSeriesPaint(i, p);
            renderer.setSeriesFillPaint(i, p);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
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
