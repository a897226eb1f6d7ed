package org.receco.scenarios.study;

import java.util.ArrayList;
import java.util.List;
import org.receco.analysis.metrics.ConsumptionHistory;
import org.receco.core.ForwardingWiring;
import org.receco.core.spi.Observer;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * A scenario's wiring with the study's observers in place of the scenario's metrics: a study records only
 * what it reports, which keeps replicates cheap. Everything else is the scenario's.
 */
final class StudyWiring extends ForwardingWiring {
    private final ScenarioWiring delegate;
    private final List<String> metrics;
    private final StudyDefinition def;
    private final ConsumptionHistory baseline;
    private final ConsumptionHistory record;

    /** {@code baseline}/{@code record}: the baseline arm's consumption to compare against / to write (or null). */
    StudyWiring(ScenarioWiring delegate, List<String> metrics, StudyDefinition def, ConsumptionHistory baseline,
                ConsumptionHistory record) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.def = def;
        this.baseline = baseline;
        this.record = record;
    }

    @Override
    protected ScenarioWiring delegate() {
        return delegate;
    }

    @Override
    public List<Observer> createObservers() {
        List<Observer> list = new ArrayList<>(StudyMetrics.observers(metrics,
                delegate.scenario().metrics().config().with(def.options()), baseline, record));
        list.addAll(ScenarioWiring.recorders());
        return list;
    }
}
