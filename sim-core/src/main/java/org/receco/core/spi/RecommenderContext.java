package org.receco.core.spi;

import org.receco.core.rng.RandomStreams;
import org.receco.core.round.WorkerPool;
import org.receco.core.round.WorkerScratch;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ReviewLog;

/**
 * What a recommender may observe: the item catalog (content, authors, live set), the platform's feedback log
 * and per-item counters, how many users exist, and its own random stream. Deliberately no user preferences.
 */
public interface RecommenderContext {
    ItemCatalog catalog();

    FeedbackLog feedback();

    ItemStats stats();

    /** Review texts users wrote (public, like the feedback log); empty unless a population writes reviews. */
    default ReviewLog reviews() {
        return EMPTY_REVIEWS;
    }

    /** The review log of a context that has none. */
    ReviewLog EMPTY_REVIEWS = new ReviewLog();

    /** Users that exist now (ids {@code 0..userCount()}); grows when users join mid-run. */
    int userCount();

    /** The current round. */
    int round();

    RandomStreams streams();

    /**
     * Runs {@code task} over {@code [0, n)} in chunks of {@code chunk} on the run's worker threads and returns when
     * all are done: for training work that is independent per user or item (e.g. one least-squares fit per
     * user). A chunk must read shared state only and write only its own indices, so the result never depends
     * on the thread count. The default runs the chunks in order on the calling thread.
     */
    default void forEach(int n, int chunk, WorkerPool.ChunkTask task) {
        WorkerScratch scratch = new WorkerScratch(0);
        for (int from = 0; from < n; from += chunk) {
            task.run(from, Math.min(n, from + chunk), scratch);
        }
    }
}
