package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerPool;

class ItemKnnRecommenderTest {
    private static final int USERS = 60;
    private static final int ITEMS = 40;

    /**
     * Two taste groups by parity: user {@code u} rates items of its own parity 4–5 and the others 1–2, or (in a
     * click world) clicks only its own parity. Each user sees 6 random items per round for 3 rounds.
     */
    private static ItemKnnRecommender play(RatingFixture w, boolean ratings, long seed) {
        for (int u = 0; u < USERS; u++) {
            w.fx.addUser(1f, 0f);
        }
        for (int i = 0; i < ITEMS; i++) {
            w.fx.addItem(1f, 0f);
        }
        w.fx.rebuildLive();
        ItemKnnRecommender rec = new ItemKnnRecommender(ItemKnnRecommender.FACTORY.defaults());
        rec.init(w);
        SplitMix rng = new SplitMix(seed);
        for (int r = 0; r < 3; r++) {
            w.fx.openRound(r);
            rec.beginRound(r);
            for (int u = 0; u < USERS; u++) {
                for (int c = 0; c < 6; c++) {
                    int i = rng.nextInt(ITEMS);
                    boolean own = i % 2 == u % 2;
                    if (ratings) {
                        w.rate(u, i, own ? 4 + rng.nextInt(2) : 1 + rng.nextInt(2));
                    } else if (own) {
                        w.fx.click(u, i, true);
                    }
                }
            }
            rec.train(r);
        }
        w.fx.openRound(3);
        rec.beginRound(3);
        return rec;
    }

    /** Share of (own-group, other-group) item pairs, both unseen by u, that u's scores order the right way. */
    private static double meanAuc(RatingFixture w, ItemKnnRecommender rec) {
        float[] s = w.fx.scoreAll(rec);
        boolean[] seen = new boolean[USERS * ITEMS];
        for (int e = 0; e < w.feedback().size(); e++) {
            seen[w.feedback().user(e) * ITEMS + w.feedback().item(e)] = true;
        }
        double sum = 0;
        for (int u = 0; u < USERS; u++) {
            int right = 0;
            int pairs = 0;
            for (int i = u % 2; i < ITEMS; i += 2) {
                for (int j = 1 - u % 2; j < ITEMS; j += 2) {
                    if (!seen[u * ITEMS + i] && !seen[u * ITEMS + j]) {
                        pairs++;
                        right += w.fx.score(s, u, i) > w.fx.score(s, u, j) ? 1 : 0;
                    }
                }
            }
            sum += pairs == 0 ? 0.5 : (double) right / pairs;
        }
        return sum / USERS;
    }

    /**
     * Unseen items of the user's own group outrank the other group's: mean AUC above 0.9 on each of 5 seeds, on
     * ratings and on clicks alike (chance is 0.5; with 18 ratings per user, every unseen item shares raters with
     * the user's history, so the planted split is nearly perfectly recoverable).
     */
    @Test
    void coRatedItemsOfTheUsersTasteOutrankTheOthers() {
        for (long seed = 1; seed <= 5; seed++) {
            RatingFixture rated = new RatingFixture(2, seed);
            assertTrue(meanAuc(rated, play(rated, true, seed)) > 0.9, "ratings, seed " + seed);
            RatingFixture clicked = new RatingFixture(2, seed);
            assertTrue(meanAuc(clicked, play(clicked, false, seed)) > 0.9, "clicks, seed " + seed);
        }
    }

    /**
     * The adjusted cosine recomputed here from its definition on a 4-user, 4-item matrix: every item's list
     * holds exactly its positively similar items, most similar first, with the similarities of the definition
     * {@code Σ_u d_ui d_uj / (‖d_i‖ ‖d_j‖)} (ratings centred on each user's mean, norms over all the item's
     * ratings).
     */
    @Test
    void neighboursAreThePositiveAdjustedCosinesInOrder() {
        int[][] r = {{5, 4, 1, 0}, {2, 4, 0, 3}, {1, 0, 5, 4}, {4, 5, 2, 1}};
        RatingFixture w = new RatingFixture(2, 1);
        for (int u = 0; u < 4; u++) {
            w.fx.addUser(1f, 0f);
            w.fx.addItem(1f, 0f);
        }
        w.fx.rebuildLive();
        ItemKnnRecommender rec = new ItemKnnRecommender(new ItemKnnRecommender.Params(3));
        rec.init(w);
        double[][] d = new double[4][4];
        for (int u = 0; u < 4; u++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < 4; i++) {
                if (r[u][i] > 0) {
                    w.rate(u, i, r[u][i]);
                    sum += r[u][i];
                    n++;
                }
            }
            for (int i = 0; i < 4; i++) {
                d[u][i] = r[u][i] > 0 ? r[u][i] - sum / n : 0;
            }
        }
        rec.train(0);
        for (int i = 0; i < 4; i++) {
            double[] sim = new double[4];
            int positive = 0;
            for (int j = 0; j < 4; j++) {
                double num = 0;
                double ni = 0;
                double nj = 0;
                for (int u = 0; u < 4; u++) {
                    num += d[u][i] * d[u][j];
                    ni += d[u][i] * d[u][i];
                    nj += d[u][j] * d[u][j];
                }
                sim[j] = j == i ? 0 : num / Math.sqrt(ni * nj);
                positive += sim[j] > 0 ? 1 : 0;
            }
            double last = Double.POSITIVE_INFINITY;
            for (int t = 0; t < positive; t++) {
                int j = rec.neighbour(i, t);
                assertTrue(j >= 0 && sim[j] > 0 && sim[j] <= last, "item " + i + " neighbour " + t + " = " + j);
                assertEquals(sim[j], rec.similarity(i, t), 1e-5);
                last = sim[j];
            }
            assertEquals(-1, rec.neighbour(i, positive), "item " + i + " lists only positive similarities");
        }
    }

    /** Neighbour lists built on 3 worker threads give bitwise the scores built in order. */
    @Test
    void trainingOnRatingsDoesNotDependOnTheWorkerThreads() {
        RatingFixture inOrder = new RatingFixture(2, 4);
        float[] one = inOrder.fx.scoreAll(play(inOrder, true, 4));
        try (WorkerPool workers = new WorkerPool(3)) {
            RatingFixture threaded = new RatingFixture(2, 4);
            threaded.fx.withWorkers(workers);
            assertArrayEquals(one, threaded.fx.scoreAll(play(threaded, true, 4)));
        }
    }

    /** A user who rated only neighbours of an item is predicted near their ratings, not their mean. */
    @Test
    void predictionIsTheWeightedSumOfTheUsersCentredRatings() {
        RatingFixture w = new RatingFixture(2, 2);
        ItemKnnRecommender rec = play(w, true, 2);
        double ownHigh = 0;
        double otherLow = 0;
        for (int u = 0; u < USERS; u++) {
            ownHigh += rec.predict(u, u % 2);
            otherLow += rec.predict(u, 1 - u % 2);
        }
        assertTrue(ownHigh / USERS > 3.5 && otherLow / USERS < 2.5, ownHigh / USERS + " / " + otherLow / USERS);
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ItemKnnRecommender.Params(0));
    }
}
