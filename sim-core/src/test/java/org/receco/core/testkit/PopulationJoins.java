package org.receco.core.testkit;

import org.receco.core.RecEcoModel;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.World;

/**
 * Test event: at {@code round} a population {@code name} of {@code count} users joins, near the topic centres,
 * whose users click the first {@code clicks} slate positions every round (an attack profile rating many
 * items) while their model declares {@code declaredMaxClicks}.
 */
public record PopulationJoins(int round, String name, int count, int clicks, int declaredMaxClicks, boolean fake)
        implements ScenarioEvent {

    /** A well-behaved population: declares what it clicks. */
    public PopulationJoins(int round, String name, int count, int clicks) {
        this(round, name, count, clicks, clicks, false);
    }

    /** A genuine population. */
    public PopulationJoins(int round, String name, int count, int clicks, int declaredMaxClicks) {
        this(round, name, count, clicks, declaredMaxClicks, false);
    }

    @Override
    public String type() {
        return "population-joins";
    }

    @Override
    public String describe() {
        return count + " users of population " + name + " join";
    }

    @Override
    public void apply(RecEcoModel model) {
        int id = model.addPopulation(name, "greedy", new GreedyUsers(clicks, declaredMaxClicks), fake);
        int[] topics = new int[count];
        float[] vecs = TinyWiring.aroundCentres(model.world().space(), topics,
                model.streams().stream("tiny.population." + name));
        model.addUsers(vecs, topics, id);
    }

    /** Clicks the first {@code clicks} positions of every slate, liking them all. */
    static final class GreedyUsers implements UserChoiceModel {
        private final int clicks;
        private final int declared;

        GreedyUsers(int clicks, int declared) {
            this.clicks = clicks;
            this.declared = declared;
        }

        @Override
        public void init(World w) {
        }

        @Override
        public void onUsersAdded(int from, int to, SplitMix rng) {
        }

        @Override
        public int maxClicks() {
            return declared;
        }

        @Override
        public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
            int n = Math.min(clicks, state.slateLength(u));
            for (int p = 0; p < n; p++) {
                state.addClick(u, p, true, 1f);
            }
        }

        @Override
        public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        }

        @Override
        public float utility(int user, int item) {
            return 1f;
        }
    }
}
