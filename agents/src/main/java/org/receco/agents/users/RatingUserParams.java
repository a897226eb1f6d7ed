package org.receco.agents.users;

import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of the rating user model: how users consume (the utility world's, Chaney, Stewart &amp; Engelhardt,
 * RecSys 2018) and how they turn what they consumed into an explicit 1–5 rating, as the users of a MovieLens-style
 * rating platform do (Harper &amp; Konstan, "The MovieLens Datasets", TiiS 2015).
 */
public record RatingUserParams(
        @Doc("Attention exponent of the pick: argmax over the slate of rank^attentionExponent * known utility (0 = rank does not matter).")
        @Range(min = -20, max = 0) double attentionExponent,
        @Doc("Variance of the true utility V_ui ~ Beta around theta_u . beta_i (0 = exactly the inner product).")
        @Range(min = 0, max = 0.25) double utilityVariance,
        @Doc("Mean share of its true utility a user knows when picking.")
        @Range(min = 0, max = 1) double knownShare,
        @Doc("Variance of the known share (0 = every user knows exactly knownShare).")
        @Range(min = 0, max = 0.25) double knownVariance,
        @Doc("Preference drift toward consumed items: theta_u <- (1 - drift) theta_u + drift beta_i (0 = none).")
        @Range(min = 0, max = 1) double drift,
        @Doc("Items a user consumes and rates per round: the best clicksPerRound of its slate by rank-weighted known utility.")
        @Range(min = 1, max = 100) int clicksPerRound,
        @Doc("Match (cosine of the user's true preferences and the item's vector) rated 1 star; below it is 1 too.")
        @Range(min = -1, max = 1) double matchLow,
        @Doc("Match rated 5 stars; above it is 5 too. Between matchLow and matchHigh the scale is linear.")
        @Range(min = -1, max = 1) double matchHigh,
        @Doc("Standard deviation of the per-user rating bias (stars), drawn once per user: lenient and harsh raters.")
        @Range(min = 0, max = 4) double biasSd,
        @Doc("Standard deviation of the per-rating noise (stars).")
        @Range(min = 0, max = 4) double noiseSd,
        @Doc("Ratings of at least this many stars count as likes (the platform's positive feedback).")
        @Range(min = 1, max = 5) int likeAtLeast,
        @Doc("Chance that a rating comes with a short template review (0 = no reviews; the reviews table then stays absent).")
        @Range(min = 0, max = 1) double reviewShare) {

    public RatingUserParams {
        Bounds.check(RatingUserParams.class, "", attentionExponent, utilityVariance, knownShare, knownVariance,
                drift, clicksPerRound, matchLow, matchHigh, biasSd, noiseSd, likeAtLeast, reviewShare);
        if (matchHigh <= matchLow) {
            throw new IllegalArgumentException("matchHigh (" + matchHigh + ") must be above matchLow (" + matchLow
                    + "): they are the matches rated 1 and 5 stars");
        }
    }

    public static RatingUserParams defaults() {
        return new RatingUserParams(-0.8, 1e-5, 0.98, 1e-5, 0.0, 1, 0.3, 0.9, 0.5, 0.5, 4, 0.0);
    }

    /** The consumption half, as the utility world's parameters. */
    UtilityWorldParams consumption() {
        return new UtilityWorldParams(attentionExponent, utilityVariance, knownShare, knownVariance, drift, false);
    }
}
