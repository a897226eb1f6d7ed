package org.receco.core.spi;

/**
 * A component (user or author model, recommender, observer) that records rows of its own: the kernel calls
 * {@link #declareTables} once, after the component is created and before the run's first transaction, and the
 * component keeps the writers it gets. Components that see a {@link RoundView} may use
 * {@link RoundView#tables()} instead.
 */
public interface DeclaresTables {
    void declareTables(RunTables tables);
}
