package org.receco.core.spi;

import org.receco.core.RunManifest;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * Where a run is recorded. The kernel calls {@link #start} once, then per round {@link #writeRound} and
 * {@link #writeMetric} followed by exactly one {@link #commitRound}, so a store can make each round one
 * transaction; {@link #finish} records the outcome. Calls come from the simulation thread only, except
 * {@link TableWriter#append} on declared tables ({@link RunTables}).
 */
public interface RunSink extends AutoCloseable, RunTables {
    void start(RunManifest manifest, RoundView view);

    /** Records what happened in {@code view.round()} (items published, interactions, impressions, ...). */
    void writeRound(RoundView view);

    void writeMetric(int round, String name, double value);

    /** Records a scenario event applied at the start of {@code round} (part of that round's transaction). */
    default void writeEvent(int round, String type, String description) {
    }

    /**
     * Declares a component's table; rows appended to the writer go into the transaction of the round being
     * played. The default (a sink that stores no tables) checks declarations and rows and keeps nothing.
     */
    @Override
    default TableWriter table(TableSpec spec) {
        return RunTables.DISCARD.table(spec);
    }

    /** Makes the round durable; a crash after this call leaves the round readable. */
    void commitRound(int round);

    void finish(RunManifest manifest);

    @Override
    void close();

    /** A sink that records nothing. */
    RunSink NONE = new RunSink() {
        @Override
        public void start(RunManifest manifest, RoundView view) {
        }

        @Override
        public void writeRound(RoundView view) {
        }

        @Override
        public void writeMetric(int round, String name, double value) {
        }

        @Override
        public void commitRound(int round) {
        }

        @Override
        public void finish(RunManifest manifest) {
        }

        @Override
        public void close() {
        }
    };
}
