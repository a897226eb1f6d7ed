package org.receco.core.spi;

import org.receco.core.rng.RandomStreams;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;

/**
 * What a recommender may observe: the item catalog (content, authors, live set), the platform's feedback log
 * and per-item counters, how many users exist, and its own random stream. Deliberately no user preferences.
 */
public interface RecommenderContext {
    ItemCatalog catalog();

    FeedbackLog feedback();

    ItemStats stats();

    /** Users that exist now (ids {@code 0..userCount()}); grows when users join mid-run. */
    int userCount();

    /** The current round. */
    int round();

    RandomStreams streams();
}
