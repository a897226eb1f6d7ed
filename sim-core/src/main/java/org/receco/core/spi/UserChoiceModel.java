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

    /** Most clicks one user makes in a round (sizes the round buffers). */
    int maxClicks();

    /**
     * Decides user {@code u}'s clicks on its slate in {@code state} and records them with
     * {@link RoundState#addClick}. Called concurrently for distinct users; {@code rng} is seeded for
     * (round, user) so results do not depend on threads.
     */
    void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch);

    /**
     * Moves user {@code u}'s true preferences in light of this round's clicks and likes. Called concurrently
     * for distinct users, after every user has chosen.
     */
    void updateInterest(int u, RoundState state, WorkerScratch scratch);
}
