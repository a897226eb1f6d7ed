package org.receco.core.spi;

import org.receco.core.RecEcoModel;

/**
 * Something that happens once, at the start of a given round, before authors publish (a breaking-news
 * burst, a recommender switch, users joining). Scheduled on MASON's schedule at that round's time in the
 * {@code EVENTS} phase.
 */
public interface ScenarioEvent {
    int round();

    /** A short kind name for the run database's {@code events} table, e.g. {@code breaking-news}. */
    String type();

    /** One line for logs and the run database. */
    String describe();

    void apply(RecEcoModel model);
}
