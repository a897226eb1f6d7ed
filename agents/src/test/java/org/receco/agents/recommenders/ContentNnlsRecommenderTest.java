package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;

class ContentNnlsRecommenderTest {
    @Test
    void profilesSolveTheNonNegativeLeastSquaresProblem() {
        ContentNnlsRecommender rec = trained();
        // User 0: A = [[1,0],[0,1],[1,1]], y = (2,0,0): unconstrained LS gives (4/3, -2/3) -> NNLS (1, 0).
        double[] x0 = rec.profile(0);
        assertEquals(1.0, x0[0], 1e-6);
        assertEquals(0.0, x0[1], 1e-9);
        double[] x1 = rec.profile(1);
        assertEquals(0.5, x1[1], 1e-6);
        assertTrue(x1[0] >= 0);
    }

    @Test
    void scoresReadTheUnitLengthProfileAsTrecsDoes() {
        ContentNnlsRecommender rec = trained();
        for (int u = 0; u < 2; u++) {
            double[] x = rec.profile(u);
            double norm = Math.sqrt(x[0] * x[0] + x[1] * x[1]);
            assertTrue(norm > 0.4, "the fit should be non-zero");
            float[] w = new float[2];
            rec.weights(u, w, 0);
            assertEquals(1.0, Math.sqrt(w[0] * w[0] + w[1] * w[1]), 1e-6, "scores use x_u / |x_u|");
            assertEquals(x[0] / norm, w[0], 1e-6);
            assertEquals(x[1] / norm, w[1], 1e-6);
            // The representation the homogenisation pairing reads stays the raw fit, as T-RECS's users_hat.
            float[] r = rec.userRepresentation(u);
            assertEquals(x[0], r[0], 1e-6);
            assertEquals(x[1], r[1], 1e-6);
        }
    }

    private static ContentNnlsRecommender trained() {
        ItemStore items = new ItemStore(2, 4);
        items.add(new float[] {1, 0}, 0, 0, 0, 0, 0);
        items.add(new float[] {0, 1}, 0, 0, 0, 0, 1);
        items.add(new float[] {1, 1}, 0, 0, 0, 0, 0);
        items.rebuildLive();
        FeedbackLog log = new FeedbackLog();
        log.beginRound(0);
        log.add(0, 0, 0, true); // user 0 consumed item 0 twice
        log.add(0, 0, 0, true);
        log.add(1, 1, 0, true); // user 1 consumed item 1
        ContentNnlsRecommender rec = new ContentNnlsRecommender();
        rec.init(new RecommenderContext() {
            public ItemCatalog catalog() {
                return items;
            }

            public FeedbackLog feedback() {
                return log;
            }

            public ItemStats stats() {
                return new ItemStats();
            }

            public int userCount() {
                return 2;
            }

            public int round() {
                return 0;
            }

            public RandomStreams streams() {
                return new RandomStreams(1);
            }
        });
        rec.train(0);
        return rec;
    }
}
