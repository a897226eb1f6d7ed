package org.receco.core.testkit;

import org.receco.core.RecEcoModel;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;

/**
 * Test event: at {@code round} a population {@code name} of {@code count} raters joins; each clicks the first two
 * slate positions, rates them {@link #stars}, and (if {@code reviews}) reviews the first with {@link #review}.
 */
public record RatersJoin(int round, String name, int count, boolean reviews) implements ScenarioEvent {

    /** The rating user {@code u} gives the item in slate position {@code pos} in round {@code r}: 1..5. */
    public static int stars(int r, int u, int pos) {
        return 1 + Math.floorMod(r * 7 + u * 3 + pos, 5);
    }

    public static String review(int r, int u) {
        return "round " + r + ", user " + u + ": worth it";
    }

    @Override
    public String type() {
        return "raters-join";
    }

    @Override
    public String describe() {
        return count + " raters of population " + name + " join";
    }

    @Override
    public void apply(RecEcoModel model) {
        int id = model.addPopulation(name, "rater", new Raters(reviews));
        int[] topics = new int[count];
        float[] vecs = TinyWiring.aroundCentres(model.world().space(), topics,
                model.streams().stream("tiny.population." + name));
        model.addUsers(vecs, topics, id);
    }

    static final class Raters implements UserChoiceModel {
        private final boolean reviews;

        Raters(boolean reviews) {
            this.reviews = reviews;
        }

        @Override
        public boolean rates() {
            return true;
        }

        @Override
        public boolean writesReviews() {
            return reviews;
        }

        @Override
        public void onUsersAdded(int from, int to, SplitMix rng) {
        }

        @Override
        public int maxClicks() {
            return 2;
        }

        @Override
        public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
            int n = Math.min(2, state.slateLength(u));
            for (int p = 0; p < n; p++) {
                int s = stars(state.round(), u, p);
                state.addClick(u, p, s >= 4, s, s);
            }
            if (reviews && n > 0) {
                state.setClickReview(u, 0, review(state.round(), u));
            }
        }

        @Override
        public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        }

        @Override
        public float utility(int user, int item) {
            return 0f;
        }
    }
}
