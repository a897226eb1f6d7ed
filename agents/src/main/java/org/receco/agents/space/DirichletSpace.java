package org.receco.agents.space;

import org.receco.core.rng.SplitMix;
import org.receco.core.world.LatentSpace;

/**
 * An attribute space on the probability simplex, as in Chaney, Stewart &amp; Engelhardt, "How Algorithmic
 * Confounding in Recommendation Systems Increases Homogeneity and Decreases Utility" (RecSys 2018) and the
 * T-RECS framework (Lucherini, Sun, Winecoff &amp; Narayanan, 2021): topics are the {@code d} attributes, so
 * the topic centres are the unit basis vectors and an agent's topic is its largest attribute.
 *
 * <p>Users: once per simulation a mean {@code m ~ Dir(userPrior · 1)} (uniform when {@code userPrior = 0}),
 * then each user {@code θ_u ~ Dir(userSpread · m)}; Chaney's {@code a ~ Dir(1)·10} is userPrior 1,
 * userSpread 10, and T-RECS's symmetric Dir(0.5) over 20 attributes is userPrior 0, userSpread 10. Authors
 * (item sources): {@code v_a ~ Dir(authorSpread · 1/d)}, the mean attribute mix of their items (see the
 * {@code item-source} author model); authorSpread 0 gives every author the uniform mix. Here "spread" is a total Dirichlet concentration, not a standard
 * deviation.
 */
public final class DirichletSpace {
    private final int dims;
    private final double userPrior;
    private final double userSpread;
    private final double authorSpread;
    private final LatentSpace space;
    private double[] userMean;

    public DirichletSpace(int dims, double userPrior, double userSpread, double authorSpread) {
        this.dims = dims;
        this.userPrior = userPrior;
        this.userSpread = userSpread;
        this.authorSpread = authorSpread;
        float[] centres = new float[dims * dims];
        for (int t = 0; t < dims; t++) {
            centres[t * dims + t] = 1f;
        }
        this.space = new LatentSpace(dims, centres);
    }

    public LatentSpace space() {
        return space;
    }

    /** Users' Dirichlet mean, drawn on the first call from {@code rng} (the users' stream). */
    private double[] userMean(SplitMix rng) {
        if (userMean == null) {
            double[] m = new double[dims];
            if (userPrior > 0) {
                double[] a = new double[dims];
                java.util.Arrays.fill(a, userPrior);
                m = Dirichlet.sample(a, rng);
            } else {
                java.util.Arrays.fill(m, 1.0 / dims);
            }
            userMean = m;
        }
        return userMean;
    }

    public SyntheticSpace.Population drawUsers(int count, SplitMix rng) {
        double[] m = userMean(rng);
        double[] alpha = new double[dims];
        for (int k = 0; k < dims; k++) {
            alpha[k] = Math.max(1e-300, userSpread * m[k]);
        }
        return draw(count, alpha, rng);
    }

    public SyntheticSpace.Population drawAuthors(int count, SplitMix rng) {
        double[] alpha = new double[dims];
        if (authorSpread <= 0) { // every author writes the uniform mix
            float[] vecs = new float[count * dims];
            java.util.Arrays.fill(vecs, 1f / dims);
            return new SyntheticSpace.Population(new int[count], vecs);
        }
        java.util.Arrays.fill(alpha, authorSpread / dims);
        return draw(count, alpha, rng);
    }

    private SyntheticSpace.Population draw(int count, double[] alpha, SplitMix rng) {
        int[] topics = new int[count];
        float[] vecs = new float[count * dims];
        double[] scratch = new double[dims];
        for (int q = 0; q < count; q++) {
            Dirichlet.sample(alpha, dims, rng, vecs, q * dims, scratch);
            topics[q] = space.nearestTopic(vecs, q * dims);
        }
        return new SyntheticSpace.Population(topics, vecs);
    }
}
