package org.receco.agents.recommenders;

import org.receco.core.rng.SplitMix;

/**
 * A planted rating world for victims' tests: users and items carry hidden 2-d tastes and biases, and the rating
 * of (u, i) is {@code 3 + b_u + b_i + 1.2·a_u·c_i + N(0, 0.5²)}, rounded and clipped to 1..5. Most of the
 * variance is the low-rank term, so a model that learns it beats the global mean by a wide margin; the noise
 * keeps the best reachable RMSE around 0.5.
 */
final class PlantedRatings {
    final int users;
    final int items;
    private final double[] userBias;
    private final double[] itemBias;
    private final double[] userTaste;
    private final double[] itemTaste;
    private final SplitMix rng;

    PlantedRatings(int users, int items, long seed) {
        this.users = users;
        this.items = items;
        rng = new SplitMix(seed);
        userBias = new double[users];
        itemBias = new double[items];
        userTaste = new double[2 * users];
        itemTaste = new double[2 * items];
        for (int u = 0; u < users; u++) {
            userBias[u] = 0.3 * rng.nextGaussian();
            userTaste[2 * u] = rng.nextGaussian();
            userTaste[2 * u + 1] = rng.nextGaussian();
        }
        for (int i = 0; i < items; i++) {
            itemBias[i] = 0.4 * rng.nextGaussian();
            itemTaste[2 * i] = rng.nextGaussian();
            itemTaste[2 * i + 1] = rng.nextGaussian();
        }
    }

    /** The noise-free rating, before rounding. */
    double expected(int u, int i) {
        return 3 + userBias[u] + itemBias[i]
                + 1.2 * (userTaste[2 * u] * itemTaste[2 * i] + userTaste[2 * u + 1] * itemTaste[2 * i + 1]);
    }

    /** A noisy rating drawn now: rounded, clipped to 1..5. */
    int draw(int u, int i) {
        long r = Math.round(expected(u, i) + 0.5 * rng.nextGaussian());
        return (int) Math.max(1, Math.min(5, r));
    }

    /** Whether (u, i) is held out of training: a fixed fifth of the pairs, by a hash of the pair. */
    static boolean heldOut(int u, int i) {
        return Math.floorMod((u * 31 + i * 17) ^ (u * 7), 5) == 0;
    }

    /** A world of these users and items (items live, nothing clicked), round 0 open. */
    RatingFixture world(long seed) {
        RatingFixture w = new RatingFixture(2, seed);
        for (int u = 0; u < users; u++) {
            w.fx.addUser(1f, 0f);
        }
        for (int i = 0; i < items; i++) {
            w.fx.addItem((float) itemTaste[2 * i], (float) itemTaste[2 * i + 1]);
        }
        w.fx.rebuildLive();
        return w;
    }

    /** Each user rates {@code perUser} random training pairs in round {@code round}. */
    void rateRound(RatingFixture w, int round, int perUser) {
        w.fx.openRound(round);
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < perUser; c++) {
                int i = rng.nextInt(items);
                if (!heldOut(u, i)) {
                    w.rate(u, i, draw(u, i));
                }
            }
        }
    }
}
