package org.receco.analysis.shilling;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Splits points into two clusters with Commons Math's k-means++ (Arthur &amp; Vassilvitskii 2007), the best of
 * {@link #TRIALS} seeded restarts by within-cluster variance, so the split is reproducible from the seed.
 */
final class TwoMeans {
    static final int TRIALS = 5;
    private static final int MAX_ITERATIONS = 200;

    private TwoMeans() {
    }

    /**
     * The cluster of each point (0 or 1; cluster 0 is the one of point 0), or null when the points cannot be
     * split (fewer than two distinct points).
     */
    static int[] split(double[][] points, long seed) {
        if (points.length < 2 || distinct(points) < 2) {
            return null;
        }
        List<DoublePoint> in = new ArrayList<>(points.length);
        for (double[] p : points) {
            in.add(new DoublePoint(p));
        }
        JDKRandomGenerator rng = new JDKRandomGenerator();
        rng.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> one = new KMeansPlusPlusClusterer<>(2, MAX_ITERATIONS,
                new EuclideanDistance(), rng, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
        List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(one, TRIALS).cluster(in);
        double[] c0 = clusters.get(0).getCenter().getPoint();
        double[] c1 = clusters.get(1).getCenter().getPoint();
        EuclideanDistance dist = new EuclideanDistance();
        int[] label = new int[points.length];
        for (int p = 0; p < points.length; p++) {
            label[p] = dist.compute(points[p], c1) < dist.compute(points[p], c0) ? 1 : 0;
        }
        if (label[0] == 1) {
            for (int p = 0; p < label.length; p++) {
                label[p] = 1 - label[p];
            }
        }
        return label;
    }

    private static int distinct(double[][] points) {
        for (int p = 1; p < points.length; p++) {
            if (!java.util.Arrays.equals(points[p], points[0])) {
                return 2;
            }
        }
        return 1;
    }
}
