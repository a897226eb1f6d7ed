package org.receco.analysis.metrics;

/**
 * What a metric may be given besides the round: its options, and for metrics measured against a study's
 * baseline arm ({@code homogenisation.similar}) that arm's consumption in the same replicate. The catalogue
 * hands the same context to every factory, so a metric's extra inputs never need a special case in the
 * caller.
 *
 * @param config   the metric options
 * @param baseline the baseline arm's consumption, complete before this run starts; null outside a study
 *                 with a baseline arm
 * @param record   where this run writes its consumption for the other arms (the baseline arm itself), or null
 */
public record MetricContext(MetricConfig config, ConsumptionHistory baseline, ConsumptionHistory record) {
    public MetricContext {
        if (config == null) {
            throw new IllegalArgumentException("a metric context needs its options");
        }
    }

    /** A single run's context: the options, no baseline. */
    public static MetricContext of(MetricConfig config) {
        return new MetricContext(config, null, null);
    }
}
