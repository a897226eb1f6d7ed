package org.receco.core.spi;

/**
 * A user population that records per-round metrics of its own, beside the kernel's counters: an LLM
 * population's call ledger (calls, failures, tokens, latency), which no observer can compute because only the
 * population knows its calls. The kernel asks each such population once per round in the observe phase, after
 * its own counters and before the observers; the names must be in the metric catalogue.
 */
public interface ReportsMetrics {
    void reportMetrics(RoundView view, MetricRecorder out);
}
