package org.receco.analysis.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Draws JFreeChart charts headless and writes each as PNG and SVG. */
public final class ChartFiles {
    public static final int WIDTH = 760, HEIGHT = 400;

    private ChartFiles() {
    }

    /** A series of (round, value) points with a label. */
    public record Series(String label, double[] rounds, double[] values) {
    }

    /** A line chart of value against round, one line per series. */
    public static JFreeChart timeSeries(String title, String yLabel, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries x = new XYSeries(s.label(), false, true);
            for (int k = 0; k < s.rounds().length; k++) {
                x.add(s.rounds()[k], s.values()[k]);
            }
            data.addSeries(x);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "round", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart);
        return chart;
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    }

    /** Writes {@code <dir>/<base>.png} and {@code <dir>/<base>.svg}. */
    public static void write(JFreeChart chart, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        ChartUtilities.saveChartAsPNG(dir.resolve(base + ".png").toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        Files.writeString(dir.resolve(base + ".svg"), g.getSVGDocument(), StandardCharsets.UTF_8);
    }

    /** A file-name-safe form of {@code name}. */
    public static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Splits metric series by family (insertion order kept). */
    public static Map<String, List<String>> byFamily(Iterable<String> names) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String n : names) {
            out.computeIfAbsent(Families.of(n), k -> new java.util.ArrayList<>()).add(n);
        }
        return out;
    }
}
