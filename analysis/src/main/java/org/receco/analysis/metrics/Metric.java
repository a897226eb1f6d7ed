package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;
import org.receco.core.rng.RandomStreams;

/**
 * One per-round metric: a stable dotted lowercase name (the key in the {@code metrics} table), the family it is
 * charted with, a one-line definition, and the inputs it needs. It computes from {@link RoundData} only, so the
 * same instance type gives the same value live (as part of {@link MetricsObserver}) and offline
 * ({@link OfflineMetrics}). Instances may keep state across rounds; they see rounds in increasing order.
 */
public interface Metric {
    String name();

    /** Chart family (e.g. {@code gini}, {@code homogenisation}). */
    String family();

    /** One line: what the value is. */
    String definition();

    /** Inputs this metric reads; a round without them gets no value. */
    Set<Need> needs();

    /**
     * Called once before the first round. Metrics that sample take their own named stream from
     * {@code streams} (derived from the run's seed, so it is the same live and offline).
     */
    default void start(RandomStreams streams) {
    }

    /** The value for this round, or {@code NaN} when it is undefined (nothing is recorded then). */
    double compute(RoundData d);
}
