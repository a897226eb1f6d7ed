package org.receco.core.round;

import org.receco.core.config.ExploreSpec;
import org.receco.core.rng.SplitMix;

/**
 * Decides which places of a slate's match channel go to uniformly random live items instead of the ranking
 * (a strategy: one method, chosen by {@link ExploreSpec}). Draws only from {@code rng}, which the composer
 * seeds per (round, user), so results never depend on threads.
 */
@FunctionalInterface
public interface SlateExploration {
    /**
     * Sets {@code random[p] = stamp} for each match place {@code p} in {@code [0, places)} that is to hold a
     * random item, leaves the others alone, and returns how many it marked.
     */
    int choose(int places, SplitMix rng, int[] random, int stamp);

    /** No exploration (draws nothing, so a slate is exactly the ranking). */
    SlateExploration NONE = (places, rng, random, stamp) -> 0;

    /** Exactly {@code items} random places (or all, if fewer), at uniformly random positions. */
    static SlateExploration interleave(int items) {
        if (items <= 0) {
            return NONE;
        }
        return (places, rng, random, stamp) -> {
            int want = Math.min(items, places);
            // Floyd's algorithm: `want` distinct positions of [0, places) with `want` draws.
            for (int j = places - want; j < places; j++) {
                int t = rng.nextInt(j + 1);
                if (random[t] == stamp) {
                    random[j] = stamp;
                } else {
                    random[t] = stamp;
                }
            }
            return want;
        };
    }

    /** Each place independently with probability {@code epsilon} (ε-greedy). */
    static SlateExploration epsilonGreedy(double epsilon) {
        if (epsilon <= 0) {
            return NONE;
        }
        return (places, rng, random, stamp) -> {
            int n = 0;
            for (int p = 0; p < places; p++) {
                if (rng.nextDouble() < epsilon) {
                    random[p] = stamp;
                    n++;
                }
            }
            return n;
        };
    }

    /** The policy a spec names. */
    static SlateExploration of(ExploreSpec spec) {
        return switch (spec.policy()) {
            case none -> NONE;
            case interleave -> interleave(spec.items());
            case epsilon -> epsilonGreedy(spec.epsilon());
        };
    }
}
