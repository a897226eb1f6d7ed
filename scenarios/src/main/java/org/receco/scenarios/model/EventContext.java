package org.receco.scenarios.model;

import org.receco.agents.space.SyntheticSpace;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;

/** What the scenario wiring offers an {@link EventSpec} to build its kernel event from. */
public interface EventContext {
    /** The recommender {@code spec} names, made as the scenario's own would be. */
    Recommender recommender(RecommenderSpec spec, GroundTruth truth);

    /** A fresh user model of the kind and parameters {@code spec} names. */
    UserChoiceModel userModel(NamedComponentSpec spec);

    /** {@code count} users drawn from the scenario's latent space as the initial users are. */
    SyntheticSpace.Population drawUsers(int count, SplitMix rng);
}
