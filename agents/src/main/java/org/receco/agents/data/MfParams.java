package org.receco.agents.data;

import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** Settings of the biased matrix factorisation {@link BiasedMf} fits to a world's ratings. */
public record MfParams(
        @Doc("Latent factors per user and item (the world's dimensions).") @Range(min = 1, max = 1024) int factors,
        @Doc("Alternating least-squares sweeps (users, then items).") @Range(min = 1, max = 1000) int iterations,
        @Doc("Ridge penalty lambda, scaled by each user's and item's number of ratings (ALS-WR).")
        @Range(min = 0, max = 1000) double regularisation,
        @Doc("Seed of the initial item factors.") long seed) {

    public MfParams {
        Bounds.check(MfParams.class, "", factors, iterations, regularisation, seed);
    }
}
