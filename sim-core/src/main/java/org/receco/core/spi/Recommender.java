package org.receco.core.spi;

import org.receco.core.round.WorkerScratch;

/**
 * A recommender: scores live items for users and learns from the feedback it caused.
 *
 * <p>Life cycle per run: {@link #init} once; then every round {@link #beginRound} (single-threaded, after
 * publishing and retiring), {@link #score} (concurrently, on disjoint user ranges) and, when the training
 * interval says so, {@link #train} (single-threaded, after the round is logged). A recommender sees the
 * world only through its {@link RecommenderContext}: the item catalog, the feedback log and public counters,
 * never users' true preferences (only the {@code oracle} upper bound is handed the ground truth, by its
 * factory). The kernel composes the slate from the scores (exclusions, exposure pushing, channels).
 *
 * <p>Implementations are found by name in a registry; one class per recommender.
 */
public interface Recommender {
    /** The registry name, as written in scenario files. */
    String name();

    /** Called once before the first round (and on a mid-run switch, before catching up by {@link #train}). */
    default void init(RecommenderContext ctx) {
    }

    /** Single-threaded preparation for this round's scoring, after the live set is final. */
    default void beginRound(int round) {
    }

    /**
     * Scores every live item for users {@code [fromUser, toUser)}: writes the score of live item {@code j} for
     * user {@code u} to {@code scores[(u - fromUser) * stride + j]}. Higher is better; ties are broken toward
     * older items by the kernel. Called concurrently from worker threads; must not mutate shared state and
     * should not allocate (use {@code scratch}, slots {@link WorkerScratch#FIRST_FREE} and up).
     */
    void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch);

    /** Learns from the feedback log up to and including {@code round}. */
    void train(int round);

    /**
     * This recommender's own current representation of user {@code u} (a fresh copy: learned profile, latent
     * factors, graph row, ...), or null when it has none (popularity, random). Read between rounds, single-
     * threaded, by metrics that pair users as the recommender sees them (Chaney et al.'s homogenisation of
     * similar users); never by the kernel.
     */
    default float[] userRepresentation(int u) {
        return null;
    }
}
