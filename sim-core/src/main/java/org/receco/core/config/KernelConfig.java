package org.receco.core.config;

/**
 * Settings the kernel itself needs.
 *
 * @param seed         root seed of every random stream
 * @param rounds       rounds to play
 * @param itemLifetime rounds an item stays recommendable after publication (SimuLine: 5); 0 = forever
 * @param trainEvery   the recommender retrains after every {@code trainEvery}-th round (1 = every round); 0 = it
 *                     trains once, after round {@code trainFrom}, and never again (Chaney et al.'s "single
 *                     training")
 * @param trainFrom    first round after which the recommender trains (start-up rounds before it)
 * @param threads      worker threads for the per-user phases; results do not depend on it
 * @param slate        slate composition
 * @param startupRounds rounds {@code [0, startupRounds)} whose match channel is filled with uniformly random items
 *                     instead of the recommender's ranking (T-RECS's {@code startup}; Chaney, Stewart &amp;
 *                     Engelhardt, RecSys 2018); the recommender still trains on their feedback when due
 */
public record KernelConfig(long seed, int rounds, int itemLifetime, int trainEvery, int trainFrom, int threads,
                           SlateSpec slate, int startupRounds) {
    /** Without start-up rounds. */
    public KernelConfig(long seed, int rounds, int itemLifetime, int trainEvery, int trainFrom, int threads,
                        SlateSpec slate) {
        this(seed, rounds, itemLifetime, trainEvery, trainFrom, threads, slate, 0);
    }

    public KernelConfig {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (itemLifetime < 0) {
            throw new IllegalArgumentException("itemLifetime must be 0 (forever) or positive");
        }
        if (trainEvery < 0) {
            throw new IllegalArgumentException("trainEvery must be 0 (train once) or positive");
        }
        if (startupRounds < 0) {
            throw new IllegalArgumentException("startupRounds must not be negative");
        }
        if (trainFrom < 0) {
            throw new IllegalArgumentException("trainFrom must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (slate == null) {
            throw new IllegalArgumentException("slate is required");
        }
    }

    public boolean trainsAfter(int round) {
        if (trainEvery == 0) {
            return round == trainFrom;
        }
        return round >= trainFrom && (round - trainFrom) % trainEvery == 0;
    }
}
