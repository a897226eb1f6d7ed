package org.receco.core.spi;

/** Where observers put their per-round values; names become the {@code metrics} table's {@code name}. */
@FunctionalInterface
public interface MetricRecorder {
    void record(String name, double value);
}
