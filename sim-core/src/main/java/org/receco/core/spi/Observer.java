package org.receco.core.spi;

/**
 * Watches the run and records metrics once per round, in the observe phase (after the round's feedback is
 * applied and logged). An observer has a stable name, which is the key of the value it records; it reads
 * the round through a {@link RoundView} and must not change the world. If it needs randomness (sampling
 * user pairs, say) it takes its own named stream from {@link RoundView#streams()}, so adding or removing an
 * observer never changes a run's outcome.
 */
public interface Observer {
    /** Stable name; the metric key for single-valued observers. */
    String name();

    /** Called once after the world is built, before round 0. */
    default void start(RoundView view) {
    }

    void observe(RoundView view, MetricRecorder out);
}
