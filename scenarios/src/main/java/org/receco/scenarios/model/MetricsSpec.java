package org.receco.scenarios.model;

import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** Options of the built-in metrics. */
public record MetricsSpec(
        @Doc("User pairs sampled (once per run) for Jaccard homogenisation.") @Range(min = 1, max = 10000000)
        int homogenisationPairs) {
}
