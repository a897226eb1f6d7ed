package org.receco.core.spi;

import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.world.World;

/**
 * How authors publish and adapt to the exposure and likes they receive. Per-agent parameters live in the
 * implementation, indexed by author id, drawn in {@link #onAuthorsAdded}.
 */
public interface AuthorModel {
    default void init(World world) {
    }

    void onAuthorsAdded(int from, int to, SplitMix rng);

    /** Publishes author {@code a}'s new items for {@code round} into {@code world.items()}. */
    void publish(int a, int round, SplitMix rng);

    /** After all users chose in {@code state}: record what each author's items earned. Single-threaded. */
    void afterRound(RoundState state);
}
