package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerPool;

class ContentReviewRecommenderTest {
    private static final int USERS = 40;
    private static final int ITEMS = 40;
    private static final String[][] WORDS = {
        {"rocket", "alien", "galaxy", "orbit", "laser"},
        {"wedding", "romance", "kiss", "heart", "letter"},
    };

    /** A review of 4 words drawn from one vocabulary. */
    private static String review(int group, SplitMix rng) {
        StringBuilder s = new StringBuilder("this one is");
        for (int w = 0; w < 4; w++) {
            s.append(' ').append(WORDS[group][rng.nextInt(WORDS[group].length)]);
        }
        return s.toString();
    }

    /**
     * Items whose catalog vectors are alike up to noise (so only text tells the groups apart), in two groups by parity with
     * different review vocabularies; item 0, the target of the attack test, is also reviewed with two words of
     * its own ("nebula comet"). Reviewers 0..9 review every item once; the other users rate 5 random items
     * of their own parity with 5 stars and write nothing.
     */
    private static ContentReviewRecommender play(RatingFixture w, long seed) {
        for (int u = 0; u < USERS; u++) {
            w.fx.addUser(1f, 0f);
        }
        SplitMix rng = new SplitMix(seed);
        for (int i = 0; i < ITEMS; i++) {
            w.fx.addItem((float) (1 + 0.1 * rng.nextGaussian()), (float) (0.1 * rng.nextGaussian()));
        }
        w.fx.rebuildLive();
        ContentReviewRecommender rec = new ContentReviewRecommender(ContentReviewRecommender.FACTORY.defaults());
        rec.init(w);
        rec.beginRound(0);
        for (int i = 0; i < ITEMS; i++) {
            w.review(i % 10, i, 3, review(i % 2, rng) + (i == 0 ? " nebula comet" : ""));
        }
        for (int u = 10; u < USERS; u++) {
            for (int c = 0; c < 5; c++) {
                w.rate(u, 2 * rng.nextInt(ITEMS / 2) + u % 2, 5);
            }
        }
        rec.train(0);
        w.fx.openRound(1);
        rec.beginRound(1);
        return rec;
    }

    /**
     * With catalog vectors that carry no signal, users' own-group items outrank the other group's on every one of
     * 5 seeds for every rating user: the profile learned the vocabulary of the reviews of what they rated well.
     */
    @Test
    void reviewTextAloneSeparatesTastes() {
        for (long seed = 1; seed <= 5; seed++) {
            RatingFixture w = new RatingFixture(2, seed);
            ContentReviewRecommender rec = play(w, seed);
            float[] s = w.fx.scoreAll(rec);
            for (int u = 10; u < USERS; u++) {
                float worstOwn = Float.POSITIVE_INFINITY;
                float bestOther = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < ITEMS; i++) {
                    float v = w.fx.score(s, u, i);
                    if (i % 2 == u % 2) {
                        worstOwn = Math.min(worstOwn, v);
                    } else {
                        bestOther = Math.max(bestOther, v);
                    }
                }
                assertTrue(worstOwn > bestOther, "seed " + seed + " user " + u);
            }
        }
    }

    /**
     * The Agent4SR review attack: fake reviewers write the target's own words ("nebula comet") into reviews of
     * the romance items that group-1 users rated well. The target, an alien-group item that those users rank
     * below every romance item and among the other alien items by catalog noise (about 10 of them above it on
     * average), then climbs by more than 3 places (of 40) in their rankings compared with the same world without
     * the fake reviews, on each of 5 seeds: it now shares words with their profiles, which no other alien item
     * does.
     */
    @Test
    void reviewsCarryingTheTargetsWordsSwayItsRank() {
        int target = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double clean = meanRank(seed, target, false);
            double attacked = meanRank(seed, target, true);
            assertTrue(attacked < clean - 3, "seed " + seed + ": rank " + clean + " -> " + attacked);
        }
    }

    private static double meanRank(long seed, int target, boolean attack) {
        RatingFixture w = new RatingFixture(2, seed);
        ContentReviewRecommender rec = play(w, seed);
        if (attack) {
            for (int i = 1; i < ITEMS; i += 2) {
                for (int f = 0; f < 3; f++) {
                    w.review(f, i, 5, "nebula comet, simply nebula comet");
                }
            }
            rec.train(1);
            w.fx.openRound(2);
            rec.beginRound(2);
        }
        float[] s = w.fx.scoreAll(rec);
        double sum = 0;
        int n = 0;
        for (int u = 11; u < USERS; u += 2) {
            float t = w.fx.score(s, u, target);
            int rank = 0;
            for (int i = 0; i < ITEMS; i++) {
                rank += w.fx.score(s, u, i) > t ? 1 : 0;
            }
            sum += rank;
            n++;
        }
        return sum / n;
    }

    @Test
    void profilesBuiltOnThreeThreadsMatchProfilesBuiltInOrder() {
        RatingFixture inOrder = new RatingFixture(2, 9);
        float[] one = inOrder.fx.scoreAll(play(inOrder, 9));
        try (WorkerPool workers = new WorkerPool(3)) {
            RatingFixture threaded = new RatingFixture(2, 9);
            threaded.fx.withWorkers(workers);
            assertArrayEquals(one, threaded.fx.scoreAll(play(threaded, 9)));
        }
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContentReviewRecommender.Params(FeedbackSignal.rating4, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new ContentReviewRecommender.Params(FeedbackSignal.rating4, 16, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ContentReviewRecommender.Params(null, 16, 0.5));
    }
}
