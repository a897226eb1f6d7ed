package org.receco.agents.events;

import java.util.function.Function;
import org.receco.core.RecEcoModel;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.world.GroundTruth;

/**
 * Replaces the recommender from a round on. The new recommender is initialised and trained on all feedback
 * so far before it serves, as a platform would do before switching algorithms.
 */
public final class SwitchRecommender implements ScenarioEvent {
    private final int round;
    private final String name;
    private final Function<GroundTruth, Recommender> create;

    public SwitchRecommender(int round, String name, Function<GroundTruth, Recommender> create) {
        this.round = round;
        this.name = name;
        this.create = create;
    }

    @Override
    public int round() {
        return round;
    }

    @Override
    public String type() {
        return "switch-recommender";
    }

    @Override
    public String describe() {
        return "switch recommender to " + name;
    }

    @Override
    public void apply(RecEcoModel model) {
        model.switchRecommender(create.apply(model.world()));
    }
}
