package org.receco.core;

import java.util.List;
import org.receco.core.config.KernelConfig;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.World;

/**
 * A {@link Wiring} that forwards every call to {@link #delegate()}, for wirings that change one part of
 * another (a study swapping the observers, the GUI swapping the whole scenario between runs).
 */
public abstract class ForwardingWiring implements Wiring {
    /** The wiring calls are forwarded to; may change between model starts. */
    protected abstract Wiring delegate();

    @Override
    public KernelConfig config() {
        return delegate().config();
    }

    @Override
    public String name() {
        return delegate().name();
    }

    @Override
    public World createWorld(RandomStreams streams) {
        return delegate().createWorld(streams);
    }

    @Override
    public UserChoiceModel createUserModel() {
        return delegate().createUserModel();
    }

    @Override
    public String userPopulationName() {
        return delegate().userPopulationName();
    }

    @Override
    public String userModelName() {
        return delegate().userModelName();
    }

    @Override
    public AuthorModel createAuthorModel() {
        return delegate().createAuthorModel();
    }

    @Override
    public void populate(RecEcoModel model) {
        delegate().populate(model);
    }

    @Override
    public Recommender createRecommender(GroundTruth truth) {
        return delegate().createRecommender(truth);
    }

    @Override
    public List<Observer> createObservers() {
        return delegate().createObservers();
    }

    @Override
    public List<ScenarioEvent> events() {
        return delegate().events();
    }
}
