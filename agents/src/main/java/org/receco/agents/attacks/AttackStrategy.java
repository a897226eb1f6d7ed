package org.receco.agents.attacks;

import org.receco.core.rng.SplitMix;

/**
 * How one fake account's profile is made: which items besides the targets it rates and how (Lam &amp; Riedl,
 * WWW 2004; Mobasher et al., ACM TOIT 2007). One strategy per registered name ({@link AttackStrategies}); each
 * states in its documentation what of the {@link AttackerKnowledge} it reads.
 */
public interface AttackStrategy {
    /** Registered name, as scenarios write it ({@code strategy: bandwagon}). */
    String name();

    /** One line: the profile and the knowledge it needs. */
    String description();

    /** Whether the targets are pushed (rated r_max) rather than nuked (rated r_min). */
    default boolean pushes() {
        return true;
    }

    /** Whether profiles carry review texts. */
    default boolean writesReviews() {
        return false;
    }

    /**
     * Fills {@code out} with account {@code account}'s profile: the targets and {@code selected} selected items
     * where the strategy has them, and {@code filler} filler items, drawn with {@code rng}.
     */
    void build(AttackerKnowledge k, int account, int selected, int filler, SplitMix rng, FakeProfile out);

    /** Adds up to {@code n} distinct random live items rated by {@code rating}; gives up after a bounded search. */
    static void randomFiller(AttackerKnowledge k, int n, SplitMix rng, FakeProfile out, FillerRating rating) {
        int added = 0;
        for (int tries = 0; added < n && tries < 20 * n + 100 && k.liveCount() > 0; tries++) {
            int item = k.live(rng.nextInt(k.liveCount()));
            if (!k.isTarget(item) && out.add(item, rating.stars(item, rng), FakeProfile.FILLER)) {
                added++;
            }
        }
    }

    /** The rating of one filler item. */
    @FunctionalInterface
    interface FillerRating {
        int stars(int item, SplitMix rng);
    }
}
