package org.receco.analysis.shilling;

/**
 * An unsupervised detector over {@link ProfileFeatures}: the judged users' features are standardised (z-scores;
 * a constant feature contributes nothing), split into two clusters by k-means ({@link TwoMeans}), and the
 * smaller cluster is flagged as fake, on the premise every attack-detection study makes, that attackers are a
 * minority of profiles (Mobasher et al. 2007 run 1–15 % attacks); on a tie, the cluster with the higher mean
 * DegSim, since attack profiles built from one template resemble each other. In the spirit of the clustering
 * detectors of Bhaumik, Mobasher &amp; Burke ("A Clustering Approach to Unsupervised Attack Detection in
 * Collaborative Recommender Systems", DMIN 2011), on the features of Chirita et al. 2005 and Burke et al. 2006.
 *
 * <p>When there are no fake users this still flags a minority, so its F1 then measures nothing but chance;
 * that is the honest floor a genuine-looking attack is compared with.
 */
public final class ProfileClusterDetector {
    public static final String NAME = "profile-kmeans";
    private final long seed;

    /** @param seed seeds the k-means++ restarts */
    public ProfileClusterDetector(long seed) {
        this.seed = seed;
    }

    /** Flags, per user, whether the detector calls the profile fake (never a user who is not judged). */
    public boolean[] flag(ProfileFeatures features) {
        int users = features.users();
        int[] index = new int[users];
        int n = 0;
        for (int u = 0; u < users; u++) {
            if (features.judged(u)) {
                index[n++] = u;
            }
        }
        int dims = ProfileFeatures.NAMES.length;
        double[][] points = new double[n][dims];
        for (int f = 0; f < dims; f++) {
            double mean = 0;
            for (int t = 0; t < n; t++) {
                mean += features.value(f, index[t]);
            }
            mean /= Math.max(1, n);
            double var = 0;
            for (int t = 0; t < n; t++) {
                double d = features.value(f, index[t]) - mean;
                var += d * d;
            }
            double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            for (int t = 0; t < n; t++) {
                points[t][f] = sd > 0 ? (features.value(f, index[t]) - mean) / sd : 0;
            }
        }
        boolean[] flagged = new boolean[users];
        int[] label = TwoMeans.split(points, seed);
        if (label == null) {
            return flagged;
        }
        int[] size = new int[2];
        double[] degSim = new double[2];
        for (int t = 0; t < n; t++) {
            size[label[t]]++;
            degSim[label[t]] += points[t][ProfileFeatures.DEG_SIM];
        }
        int fake;
        if (size[0] != size[1]) {
            fake = size[0] < size[1] ? 0 : 1;
        } else {
            fake = degSim[0] >= degSim[1] ? 0 : 1;
        }
        for (int t = 0; t < n; t++) {
            flagged[index[t]] = label[t] == fake;
        }
        return flagged;
    }
}
