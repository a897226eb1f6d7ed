package org.receco.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.List;
import java.util.Map;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Live time series of chosen metrics, one JFreeChart per metric in one window, growing by one point per round.
 * Points are added on the Swing thread (JFreeChart is not thread-safe); {@link #add} may be called from the
 * model thread.
 */
final class MetricCharts {
    /** The metrics charted, with their titles. */
    static final Map<String, String> METRICS = orderedTitles();

    private final JFrame frame;
    private final XYSeries[] series;
    private final List<String> names = List.copyOf(METRICS.keySet());

    private static Map<String, String> orderedTitles() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("gini.exposure.item", "Exposure Gini (items)");
        m.put("homogenisation.click", "Homogenisation (clicks, Jaccard)");
        m.put("interest.shift", "Mean interest shift ‖u_t − u_t−1‖");
        m.put("utility.per_click", "Utility per click");
        return java.util.Collections.unmodifiableMap(m);
    }

    MetricCharts() {
        frame = new JFrame("RecEco metrics");
        JPanel grid = new JPanel(new GridLayout(2, 2, 4, 4));
        grid.setBackground(Color.WHITE);
        series = new XYSeries[names.size()];
        Color[] colours = {new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B)};
        for (int k = 0; k < names.size(); k++) {
            series[k] = new XYSeries(names.get(k), true, false);
            JFreeChart chart = ChartFactory.createXYLineChart(METRICS.get(names.get(k)), "round", names.get(k),
                    new XYSeriesCollection(series[k]), PlotOrientation.VERTICAL, false, true, false);
            chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, colours[k % colours.length]);
            r.setSeriesStroke(0, new BasicStroke(2f));
            plot.setRenderer(r);
            ChartPanel panel = new ChartPanel(chart);
            panel.setPreferredSize(new Dimension(380, 250));
            grid.add(panel);
        }
        frame.setContentPane(grid);
        frame.pack();
    }

    JFrame frame() {
        return frame;
    }

    /** Empties every series (a new run starts). */
    void clear() {
        SwingUtilities.invokeLater(() -> {
            for (XYSeries s : series) {
                s.clear();
            }
        });
    }

    /** Adds round {@code round}'s values of the charted metrics (those present in {@code metrics}). */
    void add(int round, Map<String, Double> metrics) {
        double[] values = new double[names.size()];
        for (int k = 0; k < values.length; k++) {
            Double v = metrics.get(names.get(k));
            values[k] = v == null ? Double.NaN : v;
        }
        SwingUtilities.invokeLater(() -> {
            for (int k = 0; k < values.length; k++) {
                if (!Double.isNaN(values[k])) {
                    series[k].addOrUpdate(round, values[k]);
                }
            }
        });
    }

    /** Points in the first series (for tests). */
    int points() {
        return series[0].getItemCount();
    }
}
