package org.receco.gui;

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
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * A {@link Wiring} whose scenario can be replaced between runs: the GUI keeps one {@link RecEcoModel} for the
 * Console and, before each start, points this at the scenario as currently edited in the model inspector.
 * The model reads its wiring only in {@code start()}, so a replacement takes effect at the next start.
 */
final class ReloadableWiring implements Wiring {
    private volatile LoadedScenario loaded;
    private volatile ScenarioWiring delegate;

    ReloadableWiring(LoadedScenario loaded) {
        use(loaded);
    }

    /** Uses {@code next} from the next model start on. */
    void use(LoadedScenario next) {
        this.loaded = next;
        this.delegate = new ScenarioWiring(next.scenario());
    }

    LoadedScenario loaded() {
        return loaded;
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
        return delegate.createObservers();
    }

    @Override
    public List<ScenarioEvent> events() {
        return delegate.events();
    }
}
