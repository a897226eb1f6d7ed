package org.receco.scenarios.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.analysis.metrics.PredictionMse;
import org.receco.core.RecEcoModel;
import org.receco.core.spi.LinearScores;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * The {@code mse} metric's Gram-matrix form (content filtering against a noise-free utility world) equals the
 * brute-force users × items computation, round by round, on a small T-RECS content-filtering world; and with
 * utility noise the metric falls back to scoring every pair.
 *
 * <p>Tolerance: the brute force rounds every predicted and true score to float (relative error about 6e-8 per
 * score, squared differences summed over 60,000 pairs), the Gram form works in double; 1e-4 relative is three
 * orders of magnitude above that rounding and far below any change a modelling error would cause.
 */
class PredictionMseGramTest {
    private static final String WORLD = """
            name: mse-gram
            seed: 5
            rounds: 16
            threads: 2
            space: {kind: dirichlet, dims: 20, topics: 20, userPrior: 0, userSpread: 10, authorSpread: 0}
            users:
              count: 200
              model: utility-world
              params: {attentionExponent: 0.0, utilityVariance: %s, knownShare: 1.0, knownVariance: 0.0, drift: 0.0, normalise: true}
            authors:
              count: 1
              model: item-source
              params: {initialItems: 300, itemsPerRound: %s, concentration: 10}
            items: {lifetime: %s}
            slate: {size: 10, match: 10, coldStart: 0, exposureMemory: 0, repeats: allow}
            recommender: {name: content-nnls, startup: 5, trainFrom: 4, trainEvery: 1}
            store: {interactions: false, impressions: "off", snapshotEvery: 0}
            """;

    private static List<double[]> gramAndBrute(String utilityVariance, boolean[] linear) {
        return gramAndBrute(utilityVariance, 0, 0, linear);
    }

    private static List<double[]> gramAndBrute(String utilityVariance, int itemsPerRound, int lifetime,
                                               boolean[] linear) {
        var loaded = new ScenarioLoader().load("mse-gram.yaml",
                WORLD.formatted(utilityVariance, itemsPerRound, lifetime), List.of());
        RecEcoModel model = new RecEcoModel(new ScenarioWiring(loaded.scenario()));
        PredictionMse gram = new PredictionMse(1000, true);
        PredictionMse brute = new PredictionMse(1000, false);
        List<double[]> pairs = new ArrayList<>();
        model.addRoundListener((m, r) -> {
            double[] v = new double[2];
            gram.observe(m, (name, value) -> v[0] = value);
            brute.observe(m, (name, value) -> v[1] = value);
            pairs.add(v);
            linear[0] = m.recommender() instanceof LinearScores l && l.linear()
                    && m.world().utility() instanceof LinearScores t && t.linear();
        });
        model.start();
        model.runToEnd();
        model.finish();
        return pairs;
    }

    @Test
    void gramFormEqualsScoringEveryUserItemPair() {
        boolean[] linear = new boolean[1];
        List<double[]> pairs = gramAndBrute("0.0", linear);
        assertTrue(linear[0], "content-nnls in a noise-free utility world should take the Gram form");
        assertEquals(16, pairs.size());
        for (int r = 5; r < pairs.size(); r++) {
            double[] v = pairs.get(r);
            assertTrue(v[1] > 0, "round " + r + " brute force mse " + v[1]);
            assertEquals(v[1], v[0], 1e-4 * v[1], "round " + r);
        }
    }

    /** The Gram matrix is kept while the live set stays; here items are published and retired every round. */
    @Test
    void gramFormFollowsALiveSetThatChangesEveryRound() {
        boolean[] linear = new boolean[1];
        List<double[]> pairs = gramAndBrute("0.0", 40, 3, linear);
        assertTrue(linear[0]);
        for (int r = 5; r < pairs.size(); r++) {
            double[] v = pairs.get(r);
            assertTrue(v[1] > 0, "round " + r + " brute force mse " + v[1]);
            assertEquals(v[1], v[0], 1e-4 * v[1], "round " + r);
        }
    }

    @Test
    void noisyUtilityIsNotLinearAndUsesTheBruteForcePath() {
        boolean[] linear = new boolean[1];
        List<double[]> pairs = gramAndBrute("1e-4", linear);
        assertFalse(linear[0]);
        for (double[] v : pairs) {
            assertEquals(v[1], v[0], 0.0, "both observers score every pair when utility is noisy");
        }
    }
}
