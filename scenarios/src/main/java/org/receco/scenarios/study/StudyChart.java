package org.receco.scenarios.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.receco.analysis.stats.MeanInterval;

/**
 * One metric's study chart: each arm's mean with its 95 % confidence band over rounds, relative to the baseline
 * arm when there is one, as Chaney, Stewart &amp; Engelhardt (RecSys 2018) plot them. A class of its own so that
 * a report without charts never loads JFreeChart or AWT (a tenth of a second of a short benchmark's start-up).
 */
final class StudyChart {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private StudyChart() {
    }

    /** Writes {@code metric}'s chart for study result {@code r} to {@code png}. */
    static void write(StudyResult r, String metric, Path png) throws IOException {
        String baseline = r.definition().baseline();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String arm : r.arms()) {
            YIntervalSeries s = new YIntervalSeries(arm);
            for (int t = 0; t < r.rounds(); t++) {
                MeanInterval e = r.atRound(metric, arm, baseline, t);
                if (!Double.isNaN(e.mean())) {
                    // One replicate has no interval: the band narrows to the line rather than breaking.
                    s.add(t, e.mean(), e.lowOrMean(), e.highOrMean());
                }
            }
            data.addSeries(s);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int k = 0; k < r.arms().size(); k++) {
            Color c = COLOURS[k % COLOURS.length];
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesFillPaint(k, c);
            renderer.setSeriesStroke(k, new BasicStroke(1.8f));
        }
        renderer.setAlpha(0.18f);
        String y = baseline == null ? metric : metric + " − " + baseline;
        XYPlot plot = new XYPlot(data, new NumberAxis("round"), new NumberAxis(y), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(baseline != null);
        JFreeChart chart = new JFreeChart(r.definition().name() + ": " + y + " (mean, 95 % CI, "
                + r.definition().replicates() + " replicates)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtilities.saveChartAsPNG(png.toFile(), chart, 900, 520);
    }

}
