package org.receco.analysis.shilling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ReviewLog;

/**
 * How stealthy fake users were: each detector's precision, recall and F1 against the true labels, and how far
 * fake profiles are from genuine ones per feature, as the two-sample Kolmogorov–Smirnov statistic (Commons
 * Math; 0 = the same distribution, 1 = disjoint). The stealth side of a shilling study (Mobasher et al. 2007;
 * Gu et al. 2025). Only users with at least one rating are judged: a user who never rated is neither a profile
 * to flag nor an attacker. The detectors: {@link PcaVarSelectDetector} told the true attack size, as Mehta &amp;
 * Nejdl evaluate it; {@link ProfileClusterDetector}, fully unsupervised over {@link ProfileFeatures}; and
 * {@link ReviewTextDetector} over review text.
 *
 * @param fakeUsers    judged users labelled fake
 * @param genuineUsers judged users labelled genuine
 * @param detectors    one row per detector, in a fixed order
 * @param distances    one row per feature: the profile features, then the review similarity
 */
public record StealthReport(int fakeUsers, int genuineUsers, List<Detection> detectors, List<Distance> distances) {
    /** DegSim's neighbourhood size (Chirita et al. 2005 use the top 25 neighbours as well). */
    public static final int NEIGHBOURS = 25;
    /** Seed of the detectors' k-means restarts: a report is reproducible. */
    public static final long SEED = 20250101L;
    /** The name of the review-similarity row in {@link #distances}. */
    public static final String REVIEW_SIM = "review-sim";

    /** One detector's result. */
    public record Detection(String detector, DetectionScore score) {
    }

    /** One feature's fake-vs-genuine distance, with both groups' means (NaN for an empty group). */
    public record Distance(String feature, double ks, double fakeMean, double genuineMean) {
    }

    public StealthReport {
        detectors = List.copyOf(detectors);
        distances = List.copyOf(distances);
    }

    /**
     * The report for users {@code [0, users)} of a run's feedback and reviews, {@code fake[u]} marking the fake
     * ones (an array shorter than {@code users} reads as false beyond its end).
     */
    public static StealthReport of(FeedbackLog feedback, ReviewLog reviews, boolean[] fake, int users) {
        RatingProfiles profiles = RatingProfiles.of(feedback, users);
        ProfileFeatures features = ProfileFeatures.of(profiles, NEIGHBOURS);
        boolean[] judged = new boolean[users];
        boolean[] label = new boolean[users];
        int fakes = 0;
        for (int u = 0; u < users; u++) {
            judged[u] = features.judged(u);
            label[u] = u < fake.length && fake[u];
            fakes += judged[u] && label[u] ? 1 : 0;
        }
        int genuine = 0;
        for (int u = 0; u < users; u++) {
            genuine += judged[u] && !label[u] ? 1 : 0;
        }
        double[] reviewSim = ReviewSimilarity.maxCosine(reviews, users);
        boolean[] wrote = ReviewTextDetector.writers(reviews, users);
        for (int u = 0; u < users; u++) {
            wrote[u] &= judged[u];
        }
        List<Detection> detections = List.of(
                new Detection(PcaVarSelectDetector.NAME, DetectionScore.of(
                        new PcaVarSelectDetector(SEED).flag(profiles, fakes), label, judged, users)),
                new Detection(ProfileClusterDetector.NAME, DetectionScore.of(
                        new ProfileClusterDetector(SEED).flag(features), label, judged, users)),
                new Detection(ReviewTextDetector.NAME, DetectionScore.of(
                        new ReviewTextDetector(SEED).flag(reviewSim, wrote), label, judged, users)));
        List<Distance> distances = new ArrayList<>();
        for (int f = 0; f < ProfileFeatures.NAMES.length; f++) {
            distances.add(distance(ProfileFeatures.NAMES[f], features.column(f), label, judged));
        }
        distances.add(distance(REVIEW_SIM, reviewSim, label, judged));
        return new StealthReport(fakes, genuine, detections, distances);
    }

    private static Distance distance(String name, double[] values, boolean[] fake, boolean[] judged) {
        double[] f = select(values, fake, judged, true);
        double[] g = select(values, fake, judged, false);
        // Commons Math needs two values a side; with fewer the distance is undefined, not 0.
        double ks = f.length >= 2 && g.length >= 2 ? new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(f, g)
                : Double.NaN;
        return new Distance(name, ks, mean(f), mean(g));
    }

    private static double[] select(double[] values, boolean[] fake, boolean[] judged, boolean wanted) {
        int n = 0;
        double[] out = new double[values.length];
        for (int u = 0; u < values.length; u++) {
            if (judged[u] && fake[u] == wanted) {
                out[n++] = values[u];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** The detector by name, or null. */
    public DetectionScore detector(String name) {
        for (Detection d : detectors) {
            if (d.detector().equals(name)) {
                return d.score();
            }
        }
        return null;
    }

    /** The distance row of a feature by name, or null. */
    public Distance distance(String feature) {
        for (Distance d : distances) {
            if (d.feature().equals(feature)) {
                return d;
            }
        }
        return null;
    }

    /** Two plain-text tables: detectors (precision, recall, F1, confusion counts) and feature distances. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "stealth: %d fake and %d genuine users with ratings%n", fakeUsers,
                genuineUsers));
        s.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %5s %5s %5s%n", "detector", "precision", "recall",
                "F1", "TP", "FP", "FN"));
        for (Detection d : detectors) {
            DetectionScore c = d.score();
            s.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %5d %5d %5d%n", d.detector(), num(c.precision()),
                    num(c.recall()), num(c.f1()), c.truePositives(), c.falsePositives(), c.falseNegatives()));
        }
        s.append(String.format(Locale.ROOT, "%-16s %9s %11s %12s%n", "feature", "KS", "fake mean", "genuine mean"));
        for (Distance d : distances) {
            s.append(String.format(Locale.ROOT, "%-16s %9s %11s %12s%n", d.feature(), num(d.ks()), num(d.fakeMean()),
                    num(d.genuineMean())));
        }
        return s.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.3f", v)
                : String.format(Locale.ROOT, "%.2e", v);
    }
}
