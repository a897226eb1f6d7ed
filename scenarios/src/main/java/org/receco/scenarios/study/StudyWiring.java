package org.receco.scenarios.study;

import java.util.List;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.core.config.KernelConfig;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.World;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * A scenario's wiring with the study's observers in place of the scenario's metrics: a study records only
 * what it reports, which keeps replicates cheap. Everything else is the scenario's.
 */
final class StudyWiring implements Wiring {
    private final ScenarioWiring delegate;
    private final List<String> metrics;
    private final StudyDefinition def;

    StudyWiring(ScenarioWiring delegate, List<String> metrics, StudyDefinition def) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.def = def;
    }

    @Override
    public KernelConfig config() {
        return delegate.config();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public World createWorld(RandomStreams streams) {
        return delegate.createWorld(streams);
    }

    @Override
    public UserChoiceModel createUserModel() {
        return delegate.createUserModel();
    }

    @Override
    public AuthorModel createAuthorModel() {
        return delegate.createAuthorModel();
    }

    @Override
    public void populate(RecEcoModel model) {
        delegate.populate(model);
    }

    @Override
    public Recommender createRecommender(GroundTruth truth) {
        return delegate.createRecommender(truth);
    }

    @Override
    public List<Observer> createObservers() {
        return StudyMetrics.observers(metrics, def, delegate.scenario().metrics().homogenisationPairs());
    }

    @Override
    public List<ScenarioEvent> events() {
        return delegate.events();
    }
}
