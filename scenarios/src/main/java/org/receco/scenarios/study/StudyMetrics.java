package org.receco.scenarios.study;

import java.util.List;
import org.receco.analysis.metrics.ConsumptionHistory;
import org.receco.analysis.metrics.InteractionGini;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricConfig;
import org.receco.analysis.metrics.MetricContext;
import org.receco.analysis.metrics.NearestNeighbourHomogenisation;
import org.receco.core.spi.Observer;

/**
 * A study's view of the {@link MetricCatalog}: every catalogued metric can be asked for by name, with the
 * numeric metric options as the study's {@code options:}. Only the default selection is the study's own.
 */
final class StudyMetrics {
    /** What a study without {@code metrics:} reports. */
    static final List<String> DEFAULTS = List.of(NearestNeighbourHomogenisation.NAME, "utility.per_click",
            InteractionGini.NAME);

    /** The options of a study's {@code options:}: the numeric metric options. */
    static final List<String> OPTIONS = MetricConfig.NUMBER_OPTIONS;

    private StudyMetrics() {
    }

    /** Every metric name a study can ask for: the whole catalogue. */
    static List<String> known() {
        return List.copyOf(MetricCatalog.registry().names());
    }

    /**
     * Fresh observers recording {@code names} (none: nothing beyond the kernel's counters). {@code baseline} and
     * {@code record} are the baseline arm's consumption to compare against / to write (null: none).
     */
    static List<Observer> observers(List<String> names, MetricConfig config, ConsumptionHistory baseline,
                                    ConsumptionHistory record) {
        return names.isEmpty() ? List.of()
                : MetricCatalog.observers(names, new MetricContext(config, baseline, record));
    }
}
