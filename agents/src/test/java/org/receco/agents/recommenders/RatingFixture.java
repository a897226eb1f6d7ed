package org.receco.agents.recommenders;

import org.receco.core.rng.RandomStreams;
import org.receco.core.round.WorkerPool;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ReviewLog;

/**
 * A rating world for recommender tests: a {@link Fixture} whose clicks carry explicit 1–5 ratings and may carry
 * reviews, logged the way the kernel's feedback phase does (log entry, item counters, rating mean, review log),
 * and the context a recommender sees of it, reviews included.
 */
final class RatingFixture implements RecommenderContext {
    final Fixture fx;

    RatingFixture(int dims, long seed) {
        fx = new Fixture(dims, seed);
    }

    /** Logs a click on {@code item} rated {@code stars} (liked when 4 or 5, as the raters do). */
    void rate(int user, int item, int stars) {
        fx.world.feedback().add(user, item, fx.round(), stars >= 4, stars);
        fx.world.stats().click(item, stars >= 4);
        fx.world.stats().rate(item, stars);
    }

    /** Logs a rated click with a review. */
    void review(int user, int item, int stars, String text) {
        rate(user, item, stars);
        fx.world.reviews().add(user, item, fx.round(), text);
    }

    @Override
    public ItemCatalog catalog() {
        return fx.catalog();
    }

    @Override
    public FeedbackLog feedback() {
        return fx.feedback();
    }

    @Override
    public ItemStats stats() {
        return fx.stats();
    }

    @Override
    public ReviewLog reviews() {
        return fx.world.reviews();
    }

    @Override
    public int userCount() {
        return fx.userCount();
    }

    @Override
    public int round() {
        return fx.round();
    }

    @Override
    public RandomStreams streams() {
        return fx.streams();
    }

    @Override
    public void forEach(int n, int chunk, WorkerPool.ChunkTask task) {
        fx.forEach(n, chunk, task);
    }
}
