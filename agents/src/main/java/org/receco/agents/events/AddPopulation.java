package org.receco.agents.events;

import java.util.function.Supplier;
import org.receco.agents.space.SyntheticSpace;
import org.receco.core.RecEcoModel;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;

/**
 * A new user population joins at the start of a round: {@code count} users, drawn from the latent space as the
 * initial users are, driven by their own user model (LLM-driven users, or the fake-user profiles of a
 * shilling attack, Lam and Riedl, WWW 2004). Their preference vectors come from the named stream
 * {@code event.add-population.<name>}, so the draw is the same whatever else the run does.
 */
public final class AddPopulation implements ScenarioEvent {
    /** Draws {@code count} users' vectors and topics from {@code rng}. */
    @FunctionalInterface
    public interface UserDraw {
        SyntheticSpace.Population draw(int count, SplitMix rng);
    }

    private final int round;
    private final String name;
    private final int count;
    private final String modelName;
    private final Supplier<UserChoiceModel> model;
    private final UserDraw draw;

    public AddPopulation(int round, String name, int count, String modelName, Supplier<UserChoiceModel> model,
                         UserDraw draw) {
        this.round = round;
        this.name = name;
        this.count = count;
        this.modelName = modelName;
        this.model = model;
        this.draw = draw;
    }

    @Override
    public int round() {
        return round;
    }

    @Override
    public String type() {
        return "add-population";
    }

    @Override
    public String describe() {
        return count + " users of population " + name + " (model " + modelName + ") join";
    }

    @Override
    public void apply(RecEcoModel m) {
        int id = m.addPopulation(name, modelName, model.get());
        SyntheticSpace.Population users = draw.draw(count, m.streams().stream("event.add-population." + name));
        m.addUsers(users.vectors(), users.topics(), id);
    }
}
