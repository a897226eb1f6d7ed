package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.RandomStreams;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RoundView;
import org.receco.core.world.World;

/**
 * Chaney et al.'s homogenisation of similar users, as T-RECS's replication measures it: pairs come from the
 * recommender's own user representation, and each pair's Jaccard is taken relative to the same pair under the
 * baseline run.
 */
class SimilarUserHomogenisationTest {
    /** A recommender that only has user representations (null: none). */
    private record Reps(float[][] reps) implements Recommender {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        }

        @Override
        public void train(int round) {
        }

        @Override
        public float[] userRepresentation(int u) {
            return reps == null ? null : reps[u].clone();
        }
    }

    private record View(RoundState state, Recommender recommender, RandomStreams streams) implements RoundView {
        @Override
        public int round() {
            return state.round();
        }

        @Override
        public World world() {
            return null;
        }

        @Override
        public String recommenderName() {
            return recommender.name();
        }
    }

    /** One round in which user u consumes {@code items[u]}. */
    private static RoundState round(int r, int... items) {
        RoundState s = new RoundState(1, 1);
        s.begin(r, items.length);
        for (int u = 0; u < items.length; u++) {
            s.slates()[u] = items[u];
            s.setSlateLength(u, 1);
            s.addClick(u, 0, true, 1f);
        }
        return s;
    }

    private static double measure(SimilarUserHomogenisation o, RoundState s, Recommender rec) {
        View v = new View(s, rec, new RandomStreams(7));
        if (s.round() == 0) {
            o.start(v);
        }
        Map<String, Double> out = new HashMap<>();
        o.observe(v, out::put);
        return out.get(SimilarUserHomogenisation.NAME);
    }

    @Test
    void pairsFollowTheRecommendersRepresentationAndSubtractTheBaselinePair() {
        // Baseline run: users 0 and 1 consume different items, 2 and 3 too.
        ConsumptionHistory base = new ConsumptionHistory();
        assertEquals(0.0, measure(new SimilarUserHomogenisation(base, base), round(0, 5, 8, 6, 9),
                new Reps(new float[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}})), 0.0, "the baseline against itself");
        RoundState arm = round(0, 5, 5, 6, 7);
        // The recommender sees 0~1 and 2~3: pair (0,1) went from Jaccard 0 to 1, pair (2,3) stayed at 0.
        float[][] together = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        assertEquals(0.5, measure(new SimilarUserHomogenisation(base, null), arm, new Reps(together)), 1e-12);
        // The same consumption seen as 0~2 and 1~3: both pairs consumed disjoint items in both runs.
        float[][] crossed = {{1, 0}, {0, 1}, {1, 0}, {0, 1}};
        assertEquals(0.0, measure(new SimilarUserHomogenisation(base, null), arm, new Reps(crossed)), 1e-12);
        // No baseline: the plain Jaccard.
        assertEquals(0.5, measure(new SimilarUserHomogenisation(null, null), arm, new Reps(together)), 1e-12);
    }

    @Test
    void theBaselineIsReadAsItStoodAtTheSameRound() {
        ConsumptionHistory base = new ConsumptionHistory();
        SimilarUserHomogenisation b = new SimilarUserHomogenisation(base, base);
        Reps pairs = new Reps(new float[][] {{1, 0}, {1, 0}});
        measure(b, round(0, 1, 2), pairs);
        measure(b, round(1, 2, 1), pairs);
        // At round 0 the baseline pair was disjoint ({1} vs {2}); by round 1 identical ({1,2} vs {1,2}).
        assertEquals(0.0, base.jaccard(0, 1, 0), 0.0);
        assertEquals(1.0, base.jaccard(0, 1, 1), 0.0);
        SimilarUserHomogenisation a = new SimilarUserHomogenisation(base, null);
        assertEquals(1.0, measure(a, round(0, 3, 3), pairs), 1e-12);
        assertEquals(1.0 / 3.0 - 1.0, measure(a, round(1, 4, 5), pairs), 1e-12);
    }

    @Test
    void withoutARepresentationUsersArePairedAtRandomWithAnotherUser() {
        int n = 50;
        int[] items = new int[n];
        for (int u = 0; u < n; u++) {
            items[u] = u % 2; // even users consume item 0, odd users item 1
        }
        SimilarUserHomogenisation o = new SimilarUserHomogenisation(null, null);
        double h = measure(o, round(0, items), new Reps(null));
        // A random other user consumed the same item with probability 24/49.
        assertEquals(24.0 / 49.0, h, 0.25);
        // All-zero representations tie everywhere: also random, never the user itself.
        float[][] zero = new float[n][2];
        double z = measure(new SimilarUserHomogenisation(null, null), round(0, items), new Reps(zero));
        assertEquals(24.0 / 49.0, z, 0.25);
    }
}
