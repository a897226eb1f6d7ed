package org.receco.core.spi;

import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.world.UtilityFunction;
import org.receco.core.world.World;

/**
 * How a population of users reacts to slates: which items they click and like, and how their true interests
 * move with what they consumed. One implementation per user model; each population of users has one.
 * Per-agent parameters live in the implementation, indexed by user id, and are drawn in
 * {@link #onUsersAdded} so users can join mid-run (new cohorts, injected fake users).
 */
public interface UserChoiceModel extends UtilityFunction {
    /** Called once with the world before any user exists. */
    default void init(World world) {
    }

    /** Draw per-agent parameters for users {@code [from, to)} from {@code rng}. */
    void onUsersAdded(int from, int to, SplitMix rng);

    /**
     * Whether this model gives explicit 1–5 ratings with its clicks ({@code RoundState.addClick(u, pos, liked,
     * utility, rating)}). The kernel then records them in the feedback log, the public item counters and the
     * run store's {@code ratings} table, which exists only in runs with a rating population.
     */
    default boolean rates() {
        return false;
    }

    /** Whether this model attaches review texts to its clicks (stored in the {@code reviews} table). */
    default boolean writesReviews() {
        return false;
    }

    /** Most clicks one user makes in a round (sizes the round buffers). */
    int maxClicks();

    /**
     * Decides user {@code u}'s clicks on its slate in {@code state} and records them with
     * {@link RoundState#addClick}. Called concurrently for distinct users; {@code rng} is seeded for
     * (round, user) so results do not depend on threads. Not called for a population that
     * {@link #choosesInBatch()}.
     */
    void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch);

    /**
     * Whether this population decides all of its users' clicks in one call per round ({@link #chooseBatch})
     * instead of one {@link #choose} per user on the worker threads: for users whose decisions wait on an outside
     * service (an LLM endpoint), so a round's requests can be in flight together without blocking the workers.
     */
    default boolean choosesInBatch() {
        return false;
    }

    /**
     * Decides the clicks of {@code users[0..count)} (this population's users this round, ascending ids) and
     * records them with {@link RoundState#addClick}. Called once per round on the scheduler thread, after every
     * other population has chosen; the model may use any concurrency inside, but its results must not depend on
     * completion order or thread count. User {@code u}'s random draws, if any, come from
     * {@code RandomStreams.seed(streamSeed, state.round(), u)}, as for {@link #choose}.
     */
    default void chooseBatch(int[] users, int count, RoundState state, long streamSeed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not choose in batch");
    }

    /**
     * Moves user {@code u}'s true preferences in light of this round's clicks and likes. Called concurrently
     * for distinct users, after every user has chosen.
     */
    void updateInterest(int u, RoundState state, WorkerScratch scratch);
}
