package org.receco.core.spi;

/**
 * Scores that are linear in the catalog's item vectors: {@code score(u, i) = w_u · x_i}. A recommender or a
 * utility function may declare this so that a measurement comparing two scorers over every live item can work
 * with the d × d Gram matrix of the live vectors instead of scoring users × items: for the squared error,
 * {@code Σ_i ((w_u − v_u)·x_i)² = (w_u − v_u)ᵀ G (w_u − v_u)} with {@code G = Σ_i x_i x_iᵀ}.
 */
public interface LinearScores {
    /** Whether every score is {@code w_u · x_i} now (a model may be linear only for some settings). */
    boolean linear();

    /** Writes user {@code u}'s weights {@code w_u} (d values) to {@code out[off, off + d)}. */
    void weights(int user, float[] out, int off);
}
