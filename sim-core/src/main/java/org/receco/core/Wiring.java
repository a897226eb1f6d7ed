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
 * How a scenario assembles a model. The model calls these in {@link RecEcoModel#start()}, every time it
 * starts (MASON's Console restarts a model in place), so each call must return fresh components.
 * Entities never know which scenario they are in: only the wiring does.
 */
public interface Wiring {
    KernelConfig config();

    /** A name for the run (scenario name). */
    String name();

    /** Creates the latent space and empty stores. */
    World createWorld(RandomStreams streams);

    UserChoiceModel createUserModel();

    /** Name of population 0, the users {@link #createUserModel()} drives (the {@code populations} table). */
    default String userPopulationName() {
        return "users";
    }

    /** Name of the user model of population 0 for the {@code populations} table; null: its class name. */
    default String userModelName() {
        return null;
    }

    AuthorModel createAuthorModel();

    /**
     * Adds the initial users and authors (through {@link RecEcoModel#addUsers} and {@link RecEcoModel#addAuthors}),
     * and any further initial populations ({@link RecEcoModel#addPopulation}).
     */
    void populate(RecEcoModel model);

    Recommender createRecommender(GroundTruth truth);

    List<Observer> createObservers();

    List<ScenarioEvent> events();
}
