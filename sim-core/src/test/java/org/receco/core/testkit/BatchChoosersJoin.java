package org.receco.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.receco.core.RecEcoModel;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;

/**
 * Test event: a population joins whose users decide together ({@link UserChoiceModel#choosesInBatch()}), each
 * decision computed on one of {@code concurrency} threads after a random sleep, so decisions complete in any
 * order, as an LLM population's requests would; answers are applied in user order.
 */
public record BatchChoosersJoin(int round, String name, int count, int concurrency) implements ScenarioEvent {

    @Override
    public String type() {
        return "batch-choosers-join";
    }

    @Override
    public String describe() {
        return count + " batch choosers join";
    }

    @Override
    public void apply(RecEcoModel model) {
        int id = model.addPopulation(name, "batch", new BatchChoosers(concurrency));
        int[] topics = new int[count];
        float[] vecs = TinyWiring.aroundCentres(model.world().space(), topics,
                model.streams().stream("tiny.population." + name));
        model.addUsers(vecs, topics, id);
    }

    /** The decision of user {@code u}: which of the first 3 positions it clicks, from its own seeded stream. */
    public static int decision(long streamSeed, int round, int u) {
        SplitMix rng = new SplitMix(RandomStreams.seed(streamSeed, round, u));
        return rng.nextInt(3);
    }

    static final class BatchChoosers implements UserChoiceModel {
        private final int concurrency;

        BatchChoosers(int concurrency) {
            this.concurrency = concurrency;
        }

        @Override
        public boolean choosesInBatch() {
            return true;
        }

        @Override
        public void chooseBatch(int[] users, int count, RoundState state, long streamSeed) {
            ExecutorService ex = Executors.newFixedThreadPool(concurrency);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    int u = users[k];
                    answers.add(ex.submit(() -> {
                        Thread.sleep((u * 37L) % 5);
                        return decision(streamSeed, state.round(), u);
                    }));
                }
                for (int k = 0; k < count; k++) {
                    int pos = answers.get(k).get();
                    if (pos < state.slateLength(users[k])) {
                        state.addClick(users[k], pos, true, 1f);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                ex.shutdownNow();
            }
        }

        @Override
        public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
            throw new AssertionError("a batch population is never asked one user at a time");
        }

        @Override
        public void onUsersAdded(int from, int to, SplitMix rng) {
        }

        @Override
        public int maxClicks() {
            return 1;
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
