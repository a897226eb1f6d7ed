package org.receco.agents.users;

import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of the utility-world user model (Chaney, Stewart &amp; Engelhardt, "How Algorithmic Confounding in
 * Recommendation Systems Increases Homogeneity and Decreases Utility", RecSys 2018); defaults are theirs as
 * used by the T-RECS replication.
 */
public record UtilityWorldParams(
        @Doc("Attention exponent: a user picks argmax over the slate of rank^attentionExponent * known utility (Chaney: -0.8; 0 = rank does not matter).")
        @Range(min = -20, max = 0) double attentionExponent,
        @Doc("Variance of the true utility V_ui ~ Beta with mean theta_u . beta_i (Chaney: 1e-5; 0 = exactly the inner product).")
        @Range(min = 0, max = 0.25) double utilityVariance,
        @Doc("Mean share mu_n of its true utility a user knows: known = V_ui * eta_ui, eta_ui ~ Beta(knownShare, knownVariance) (Chaney: 0.98).")
        @Range(min = 0, max = 1) double knownShare,
        @Doc("Variance of the known share eta_ui (0 = every user knows exactly knownShare of its utility).")
        @Range(min = 0, max = 0.25) double knownVariance,
        @Doc("Preference drift: after consuming item i, theta_u <- (1 - drift) theta_u + drift beta_i (0 = none).")
        @Range(min = 0, max = 1) double drift,
        @Doc("Score with L2-normalised preference vectors (T-RECS's default score function) instead of the raw simplex vectors.")
        boolean normalise) {

    public UtilityWorldParams {
        Bounds.check(UtilityWorldParams.class, "", attentionExponent, utilityVariance, knownShare, knownVariance,
                drift, normalise);
    }

    public static UtilityWorldParams defaults() {
        return new UtilityWorldParams(-0.8, 1e-5, 0.98, 1e-5, 0.0, false);
    }
}
