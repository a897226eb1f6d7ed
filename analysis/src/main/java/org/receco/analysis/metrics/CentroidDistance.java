package org.receco.analysis.metrics;

import java.util.Arrays;
import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * Where users' true interests sit relative to each other (SimuLine's user differentiation: Zhang et al.,
 * "Simulating News Recommendation Ecosystems for Insights and Implications", IEEE TCSS 2024):
 * <ul>
 *   <li>{@code users.distance.topic}: mean ‖u − c_{topic(u)}‖₂, c_t = mean of the users whose topic of origin is t;</li>
 *   <li>{@code users.distance.global}: mean ‖u − c‖₂, c = mean of all users;</li>
 *   <li>{@code users.distance.ratio}: topic / global distance (→ 1: topics have merged into one cloud).</li>
 * </ul>
 */
public final class CentroidDistance implements Metric {
    /** Which distance. */
    public enum Kind { TOPIC, GLOBAL, RATIO }

    private final Kind kind;
    private double[] centres = new double[0];
    private int[] counts = new int[0];

    public CentroidDistance(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "users.distance." + kind.name().toLowerCase();
    }

    @Override
    public String family() {
        return "users.distance";
    }

    @Override
    public String definition() {
        return switch (kind) {
            case TOPIC -> "mean distance of users to the centroid of their topic of origin";
            case GLOBAL -> "mean distance of users to the centroid of all users";
            case RATIO -> "users.distance.topic / users.distance.global";
        };
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.USER_VECTORS);
    }

    @Override
    public double compute(RoundData d) {
        int n = d.users();
        if (n == 0) {
            return Double.NaN;
        }
        int dims = d.dims();
        int topics = 0;
        for (int u = 0; u < n; u++) {
            topics = Math.max(topics, d.userTopic(u) + 1);
        }
        int rows = topics + 1;
        if (centres.length < rows * dims) {
            centres = new double[rows * dims];
            counts = new int[rows];
        }
        Arrays.fill(centres, 0, rows * dims, 0);
        Arrays.fill(counts, 0, rows, 0);
        float[] v = d.userVectors();
        for (int u = 0; u < n; u++) {
            int t = d.userTopic(u) + 1;
            counts[t]++;
            counts[0]++;
            for (int x = 0; x < dims; x++) {
                centres[t * dims + x] += v[u * dims + x];
                centres[x] += v[u * dims + x];
            }
        }
        for (int t = 0; t < rows; t++) {
            for (int x = 0; x < dims; x++) {
                centres[t * dims + x] /= Math.max(1, counts[t]);
            }
        }
        double toTopic = 0;
        double toGlobal = 0;
        for (int u = 0; u < n; u++) {
            int t = d.userTopic(u) + 1;
            double a = 0;
            double b = 0;
            for (int x = 0; x < dims; x++) {
                double y = v[u * dims + x];
                a += (y - centres[t * dims + x]) * (y - centres[t * dims + x]);
                b += (y - centres[x]) * (y - centres[x]);
            }
            toTopic += Math.sqrt(a);
            toGlobal += Math.sqrt(b);
        }
        return switch (kind) {
            case TOPIC -> toTopic / n;
            case GLOBAL -> toGlobal / n;
            case RATIO -> toGlobal == 0 ? Double.NaN : toTopic / toGlobal;
        };
    }
}
