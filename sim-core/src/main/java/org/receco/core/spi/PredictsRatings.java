package org.receco.core.spi;

/**
 * A recommender whose scores rest on an explicit 1–5 rating it predicts for a (user, item) pair, as matrix
 * factorisation on ratings does (Koren, Bell &amp; Volinsky, "Matrix Factorization Techniques for Recommender
 * Systems", IEEE Computer 2009). A shilling study's prediction shift (Mobasher et al. 2007: the mean change in
 * the predicted rating of the targets over genuine users) reads it, comparing the same pairs before and after.
 *
 * <p>Read between rounds, single-threaded, like {@link Recommender#userRepresentation}; never by the kernel.
 */
public interface PredictsRatings {
    /** The rating the model predicts user {@code user} would give item {@code item} (any item id, live or not). */
    double predict(int user, int item);
}
