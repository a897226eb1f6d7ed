package org.receco.agents.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.agents.authors.NewsAuthorModel;
import org.receco.agents.authors.NewsAuthorParams;
import org.receco.agents.recommenders.RandomRecommender;
import org.receco.agents.users.SimulineUserModel;
import org.receco.agents.users.SimulineUserParams;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.core.config.KernelConfig;
import org.receco.core.config.SlateSpec;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

class BreakingNewsTest {

    /** Two topics on the axes of a plane; author 0 sits on topic 0, author 1 and 2 on topic 1. */
    private static Wiring wiring(List<ScenarioEvent> events) {
        return new Wiring() {
            @Override
            public KernelConfig config() {
                return new KernelConfig(1, 3, 5, 1, 0, 1, SlateSpec.matchOnly(4, 2));
            }

            @Override
            public String name() {
                return "bn";
            }

            @Override
            public World createWorld(RandomStreams streams) {
                return new World(new LatentSpace(2, new float[] {1, 0, 0, 1}), 4, 3, 16);
            }

            @Override
            public UserChoiceModel createUserModel() {
                return new SimulineUserModel(SimulineUserParams.defaults());
            }

            @Override
            public AuthorModel createAuthorModel() {
                return new NewsAuthorModel(NewsAuthorParams.defaults());
            }

            @Override
            public void populate(RecEcoModel model) {
                model.addUsers(new float[] {1, 0, 0, 1}, new int[] {0, 1});
                model.addAuthors(new float[] {1, 0, 0, 1, 0.1f, 1}, new int[] {0, 1, 1});
            }

            @Override
            public Recommender createRecommender(GroundTruth truth) {
                return RandomRecommender.FACTORY.create(RandomRecommender.FACTORY.defaults(), null);
            }

            @Override
            public List<Observer> createObservers() {
                return List.of();
            }

            @Override
            public List<ScenarioEvent> events() {
                return events;
            }
        };
    }

    @Test
    void publishesTheBurstOnItsTopicWithItsQualityByTheClosestAuthors() {
        BreakingNews bn = new BreakingNews(1, 1, 6, 9.5, 0.05, 2, List.of());
        RecEcoModel m = new RecEcoModel(wiring(List.of(bn)));
        m.start();
        m.runToEnd();
        m.finish();
        int[] items = bn.publishedItems();
        assertEquals(6, items.length);
        for (int i : items) {
            assertEquals(1, m.world().items().topic(i));
            assertEquals(9.5f, m.world().items().quality(i));
            assertEquals(1, m.world().items().createdRound(i));
            int a = m.world().items().author(i);
            assertTrue(a == 1 || a == 2, "closest authors to topic 1 are 1 and 2, got " + a);
        }
    }

    @Test
    void anUnknownAuthorIdFailsTheRunWithAClearMessage() {
        BreakingNews bn = new BreakingNews(1, 0, 2, 8, 0.1, 1, List.of(7));
        RecEcoModel m = new RecEcoModel(wiring(List.of(bn)));
        m.start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::runToEnd);
        assertTrue(e.getMessage().contains("author id 7 does not exist"), e.getMessage());
        assertEquals(1, m.roundsCompleted());
        m.finish();
    }
}
