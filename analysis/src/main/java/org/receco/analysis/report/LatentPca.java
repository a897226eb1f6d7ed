package org.receco.analysis.report;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.receco.analysis.stats.PrincipalAxes;

/**
 * SimuLine's evolution figure: user and item latent vectors from snapshots at chosen rounds, projected to 2-D by
 * PCA ({@link PrincipalAxes} of all the chosen rounds' users and items together, so every round shares the same
 * axes, signs fixed as in the GUI's view),
 * coloured by topic (nearest topic centre now), users as circles and items as squares. At most
 * {@value #MAX_POINTS} users and as many items are drawn per round (every n-th id, deterministically).
 */
public final class LatentPca {
    static final int MAX_POINTS = 3000;

    /** One round's points. */
    public record Points(int round, double[][] users, int[] userTopics, double[][] items, int[] itemTopics) {
    }

    private final List<Points> rounds = new ArrayList<>();
    private PrincipalAxes axes;

    /** Reads the snapshots of {@code chosen} rounds and fits the projection. */
    public static LatentPca fit(Connection c, List<Integer> chosen) throws SQLException {
        LatentPca p = new LatentPca();
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM snapshots WHERE round = ? AND kind = ?");
             PreparedStatement ps = c.prepareStatement(
                "SELECT id, topic, vec FROM snapshots WHERE round = ? AND kind = ? ORDER BY id")) {
            for (int r : chosen) {
                List<double[]> uv = new ArrayList<>();
                List<Integer> ut = new ArrayList<>();
                List<double[]> iv = new ArrayList<>();
                List<Integer> it = new ArrayList<>();
                read(count, ps, r, "user", uv, ut);
                read(count, ps, r, "item", iv, it);
                p.rounds.add(new Points(r, uv.toArray(double[][]::new), ut.stream().mapToInt(Integer::intValue).toArray(),
                        iv.toArray(double[][]::new), it.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        p.fitAxes();
        return p;
    }

    private static void read(PreparedStatement count, PreparedStatement ps, int round, String kind,
                             List<double[]> vecs, List<Integer> topics) throws SQLException {
        count.setInt(1, round);
        count.setString(2, kind);
        long n;
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            n = rs.getLong(1);
        }
        long step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        ps.setInt(1, round);
        ps.setString(2, kind);
        try (ResultSet rs = ps.executeQuery()) {
            long k = 0;
            while (rs.next()) {
                if (k++ % step != 0) {
                    continue;
                }
                Array a = rs.getArray(3);
                Object[] xs = (Object[]) a.getArray();
                double[] v = new double[xs.length];
                for (int x = 0; x < xs.length; x++) {
                    v[x] = ((Number) xs[x]).doubleValue();
                }
                a.free();
                vecs.add(v);
                topics.add(rs.getInt(2));
            }
        }
    }

    private void fitAxes() {
        List<double[]> all = new ArrayList<>();
        for (Points p : rounds) {
            all.addAll(List.of(p.users()));
            all.addAll(List.of(p.items()));
        }
        int d = all.isEmpty() ? 0 : all.get(0).length;
        if (all.size() >= 2 && d >= 2) {
            axes = PrincipalAxes.fit(all.toArray(double[][]::new), d);
        }
    }

    public boolean fitted() {
        return axes != null;
    }

    public List<Points> rounds() {
        return rounds;
    }

    /** Share of variance the two axes explain. */
    public double explained() {
        return axes.explained();
    }

    /** The 2-D position of vector {@code v}. */
    public double[] project(double[] v) {
        return axes.project(v);
    }

    /** The scatter chart of one round, axes fixed to {@code bounds} = {minX, maxX, minY, maxY}. */
    public JFreeChart chart(Points p, double[] bounds) {
        int topics = 0;
        for (int t : p.userTopics()) {
            topics = Math.max(topics, t + 1);
        }
        for (int t : p.itemTopics()) {
            topics = Math.max(topics, t + 1);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        List<XYSeries> users = new ArrayList<>();
        List<XYSeries> items = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            users.add(new XYSeries("topic " + t, false, true));
            items.add(new XYSeries("items, topic " + t, false, true));
        }
        for (int k = 0; k < p.users().length; k++) {
            double[] xy = project(p.users()[k]);
            users.get(p.userTopics()[k]).add(xy[0], xy[1]);
        }
        for (int k = 0; k < p.items().length; k++) {
            double[] xy = project(p.items()[k]);
            items.get(p.itemTopics()[k]).add(xy[0], xy[1]);
        }
        users.forEach(data::addSeries);
        items.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot("Latent space at round " + p.round()
                        + " (PCA, " + Math.round(100 * explained()) + " % of variance)", "PC1", "PC2", data,
                PlotOrientation.VERTICAL, true, false, false);
        ChartFiles.style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Shape circle = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
        Shape square = new Rectangle2D.Double(-2, -2, 4, 4);
        // One legend entry per topic (users and items of a topic share its colour; the caption explains the
        // shapes): twice as many entries in near colours could not be told apart.
        for (int t = 0; t < topics; t++) {
            Color c = Palette.category(t);
            r.setSeriesPaint(t, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
            r.setSeriesShape(t, circle);
            r.setLegendShape(t, new Rectangle2D.Double(-4, -4, 8, 8));
            r.setSeriesPaint(topics + t, c);
            r.setSeriesShape(topics + t, square);
            r.setSeriesVisibleInLegend(topics + t, false);
        }
        plot.setRenderer(r);
        if (bounds != null && bounds[1] > bounds[0] && bounds[3] > bounds[2]) {
            plot.getDomainAxis().setRange(bounds[0], bounds[1]);
            plot.getRangeAxis().setRange(bounds[2], bounds[3]);
        }
        return chart;
    }

    /** Common axis bounds over all rounds' points, with a 5 % margin. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Points p : rounds) {
            for (double[][] set : new double[][][] {p.users(), p.items()}) {
                for (double[] v : set) {
                    double[] xy = project(v);
                    b[0] = Math.min(b[0], xy[0]);
                    b[1] = Math.max(b[1], xy[0]);
                    b[2] = Math.min(b[2], xy[1]);
                    b[3] = Math.max(b[3], xy[1]);
                }
            }
        }
        double mx = 0.05 * (b[1] - b[0]);
        double my = 0.05 * (b[3] - b[2]);
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }
}
