package org.receco.analysis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws JFreeChart charts headless and writes each as PNG and SVG. Time charts are small multiples: one panel
 * per scale, all panels sharing the round axis, every run event drawn as a vertical marker on every panel,
 * lines in {@link Palette}'s colour-blind-safe colours, each y axis named with its metric and unit.
 */
public final class ChartFiles {
    public static final int WIDTH = 760, HEIGHT = 400;
    /** Height of one panel of a small-multiples chart, and of the title, round axis and legend around them. */
    static final int PANEL_HEIGHT = 220, FRAME_HEIGHT = 110;
    /** Series share a panel only when their largest magnitudes are within this factor (else one flattens). */
    static final double SCALE_FACTOR = 3;
    private static final Color EVENT = new Color(0x555555);
    /** Lines per panel at most: the palette's colours that reach 3:1 contrast. */
    static final int MAX_LINES = 5;
    private static final Font AXIS_FONT = new Font("SansSerif", Font.PLAIN, 11);

    private ChartFiles() {
    }

    /** A series of (round, value) points with a label. */
    public record Series(String label, double[] rounds, double[] values) {
        double magnitude() {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }

    /** Series drawn on one y axis. */
    public record Panel(String yLabel, List<Series> series) {
    }

    /** Something that happened in a run at a round (the {@code events} table), drawn as a marker. */
    public record Event(int round, String type, String description) {
    }

    /** A line chart of value against round on one axis, one line per series, events marked. */
    public static JFreeChart timeSeries(String title, String yLabel, List<Series> series, List<Event> events) {
        return smallMultiples(title, List.of(new Panel(yLabel, series)), events);
    }

    /**
     * Panels stacked over one round axis. Series colours run on across panels so the one legend below names
     * every line unambiguously.
     */
    public static JFreeChart smallMultiples(String title, List<Panel> panels, List<Event> events) {
        NumberAxis round = new NumberAxis("round");
        round.setLabelFont(AXIS_FONT);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(round);
        plot.setGap(12);
        int colour = 0;
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < panel.series().size(); i++) {
                Series s = panel.series().get(i);
                XYSeries x = new XYSeries(s.label(), false, true);
                for (int k = 0; k < s.rounds().length; k++) {
                    x.add(s.rounds()[k], s.values()[k]);
                }
                data.addSeries(x);
                renderer.setSeriesPaint(i, Palette.line(colour));
                renderer.setSeriesStroke(i, Palette.stroke(colour, 2f));
                colour++;
            }
            NumberAxis y = new NumberAxis(panel.yLabel());
            y.setLabelFont(AXIS_FONT);
            y.setAutoRangeIncludesZero(false);
            // A constant series would otherwise get a range of width zero and ten identical tick labels.
            double size = 0;
            for (Series s : panel.series()) {
                size = Math.max(size, s.magnitude());
            }
            y.setAutoRangeMinimumSize(size > 0 ? 0.1 * size : 1);
            if (p == 0 && !events.isEmpty()) {
                y.setUpperMargin(0.15); // room for the event labels above the lines
            }
            XYPlot sub = new XYPlot(data, null, y, renderer);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(new Color(0xDDDDDD));
            sub.setRangeGridlinePaint(new Color(0xDDDDDD));
            for (Event e : events) {
                ValueMarker m = new ValueMarker(e.round(), EVENT, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
                if (p == 0) {
                    m.setLabel(e.type() + " (round " + e.round() + ")");
                    m.setLabelFont(AXIS_FONT);
                    m.setLabelPaint(EVENT);
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                }
                sub.addDomainMarker(m);
            }
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Groups series into panels: same unit and largest magnitudes within {@value #SCALE_FACTOR}× of each other.
     * A group of more than {@value #MAX_LINES} lines is split by the last part of the metric names (gini's
     * {@code .item} and {@code .author} metrics apart), then in runs of {@value #MAX_LINES}. A panel with one
     * series is labelled with its name (less the family prefix) and unit, a panel with several with the unit;
     * panels keep the order of their first series.
     */
    public static List<Panel> panels(String family, List<Series> series, Function<String, String> unit) {
        List<Series> bySize = new ArrayList<>(series);
        bySize.sort(Comparator.comparingDouble(Series::magnitude).reversed());
        List<List<Series>> scaled = new ArrayList<>();
        for (Series s : bySize) {
            List<Series> home = null;
            for (List<Series> g : scaled) {
                double top = g.get(0).magnitude();
                if (unit.apply(g.get(0).label()).equals(unit.apply(s.label()))
                        && (top == 0 || s.magnitude() * SCALE_FACTOR >= top)) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                scaled.add(home);
            }
            home.add(s);
        }
        List<List<Series>> groups = new ArrayList<>();
        for (List<Series> g : scaled) {
            g.sort(Comparator.comparingInt(series::indexOf));
            if (g.size() <= MAX_LINES) {
                groups.add(g);
                continue;
            }
            Map<String, List<Series>> byLast = new LinkedHashMap<>();
            for (Series s : g) {
                byLast.computeIfAbsent(s.label().substring(s.label().lastIndexOf('.') + 1), k -> new ArrayList<>())
                        .add(s);
            }
            for (List<Series> part : byLast.values()) {
                for (int k = 0; k < part.size(); k += MAX_LINES) {
                    groups.add(new ArrayList<>(part.subList(k, Math.min(part.size(), k + MAX_LINES))));
                }
            }
        }
        groups.sort(Comparator.comparingInt(g -> series.indexOf(g.get(0))));
        List<Panel> out = new ArrayList<>();
        for (List<Series> g : groups) {
            String u = unit.apply(g.get(0).label());
            List<String> names = new ArrayList<>();
            g.forEach(x -> names.add(shortName(family, x.label())));
            String name = commonName(names);
            out.add(new Panel(name.isEmpty() ? u : name + " (" + u + ")", List.copyOf(g)));
        }
        return out;
    }

    /** Whether all names have the same part at {@code k} from the start (or from the end). */
    private static boolean same(List<String[]> parts, int k, boolean fromEnd) {
        String first = null;
        for (String[] a : parts) {
            String p = fromEnd ? a[a.length - 1 - k] : a[k];
            if (first == null) {
                first = p;
            } else if (!first.equals(p)) {
                return false;
            }
        }
        return true;
    }

    /** Longest axis label, in characters, that fits beside a panel. */
    private static final int MAX_LABEL = 40;

    /**
     * One name for several dotted names: the parts they share with the differing parts in braces
     * ({@code click.author, like.author} → {@code {click, like}.author}); the family-less names joined when
     * nothing is shared at either end, or "" when that is too long for an axis.
     */
    static String commonName(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String[]> parts = new ArrayList<>();
        names.forEach(n -> parts.add(n.split("\\.")));
        int min = parts.stream().mapToInt(a -> a.length).min().orElse(0);
        int head = 0;
        while (head < min - 1 && same(parts, head, false)) {
            head++;
        }
        int tail = 0;
        while (tail < min - 1 - head && same(parts, tail, true)) {
            tail++;
        }
        List<String> middles = new ArrayList<>();
        for (String[] a : parts) {
            String m = String.join(".", java.util.Arrays.copyOfRange(a, head, a.length - tail));
            if (!middles.contains(m)) {
                middles.add(m);
            }
        }
        String[] first = parts.get(0);
        String prefix = String.join(".", java.util.Arrays.copyOfRange(first, 0, head));
        String suffix = String.join(".", java.util.Arrays.copyOfRange(first, first.length - tail, first.length));
        String label = (prefix.isEmpty() ? "" : prefix + ".") + "{" + String.join(", ", middles) + "}"
                + (suffix.isEmpty() ? "" : "." + suffix);
        return label.length() <= MAX_LABEL ? label : "";
    }

    /** {@code metric} without its family's prefix ({@code gini.exposure.item} in family gini: exposure.item). */
    static String shortName(String family, String metric) {
        return metric.startsWith(family + ".") ? metric.substring(family.length() + 1) : metric;
    }

    /** The pixel height a chart is written at: a frame plus a panel per subplot. */
    public static int height(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            return FRAME_HEIGHT + PANEL_HEIGHT * c.getSubplots().size() + (c.getSubplots().size() == 1 ? 60 : 0);
        }
        return HEIGHT;
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    }

    /** Writes {@code <dir>/<base>.png} and {@code <dir>/<base>.svg} at {@link #height}; returns the height. */
    public static int write(JFreeChart chart, Path dir, String base) throws IOException {
        int height = height(chart);
        Files.createDirectories(dir);
        ChartUtilities.saveChartAsPNG(dir.resolve(base + ".png").toFile(), chart, WIDTH, height);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        Files.writeString(dir.resolve(base + ".svg"), g.getSVGDocument(), StandardCharsets.UTF_8);
        return height;
    }

    /** A file-name-safe form of {@code name}. */
    public static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Splits metric series by family (insertion order kept). */
    public static Map<String, List<String>> byFamily(Iterable<String> names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String n : names) {
            out.computeIfAbsent(Families.of(n), k -> new ArrayList<>()).add(n);
        }
        return out;
    }
}
