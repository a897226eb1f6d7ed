package org.receco.analysis.shilling;

/**
 * How well a detector's flags match the true fake-user labels over the users it judged: the confusion counts
 * and precision, recall and F1 of the "fake" class. Precision is 0 when nothing was flagged; recall, and so
 * F1, is NaN when there is no fake user to find (an attack of size zero has no stealth to measure).
 */
public record DetectionScore(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
    public DetectionScore {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must not be negative");
        }
    }

    /**
     * Scores {@code flagged} against {@code fake} over the users {@code u < users} with {@code judged[u]} (all
     * users when {@code judged} is null). Arrays shorter than {@code users} read as false beyond their end.
     */
    public static DetectionScore of(boolean[] flagged, boolean[] fake, boolean[] judged, int users) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int u = 0; u < users; u++) {
            if (judged != null && !(u < judged.length && judged[u])) {
                continue;
            }
            boolean f = u < flagged.length && flagged[u];
            boolean t = u < fake.length && fake[u];
            if (f && t) {
                tp++;
            } else if (f) {
                fp++;
            } else if (t) {
                fn++;
            } else {
                tn++;
            }
        }
        return new DetectionScore(tp, fp, fn, tn);
    }

    public double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    public double recall() {
        int fakes = truePositives + falseNegatives;
        return fakes == 0 ? Double.NaN : (double) truePositives / fakes;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
