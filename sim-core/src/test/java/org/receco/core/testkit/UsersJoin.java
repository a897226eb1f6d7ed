package org.receco.core.testkit;

import org.receco.core.RecEcoModel;
import org.receco.core.spi.ScenarioEvent;

/** Test event: {@code count} users join at {@code round}, near the topic centres. */
public record UsersJoin(int round, int count) implements ScenarioEvent {
    @Override
    public String type() {
        return "join";
    }

    @Override
    public String describe() {
        return count + " users join";
    }

    @Override
    public void apply(RecEcoModel model) {
        int[] topics = new int[count];
        float[] vecs = TinyWiring.aroundCentres(model.world().space(), topics,
                model.streams().stream("tiny.join." + round));
        model.addUsers(vecs, topics);
    }
}
