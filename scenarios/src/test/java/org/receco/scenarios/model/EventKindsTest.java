package org.receco.scenarios.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.agents.space.SyntheticSpace;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;

class EventKindsTest {

    @Test
    void everyKindIsARecordRegisteredUnderTheNameItsSpecsAndEventsReport() {
        assertEquals(List.of("breaking-news", "switch-recommender", "add-population", "attack"),
                List.copyOf(EventKinds.registry().names()));
        for (Map.Entry<String, Class<? extends EventSpec>> e : EventKinds.registry().entries().entrySet()) {
            assertTrue(e.getValue().isRecord(), e.getKey());
            assertEquals(e.getKey(), EventKinds.nameOf(e.getValue()));
        }
    }

    @Test
    void eachSpecMakesItsOwnKernelEventOfTheSameTypeAndRound() {
        EventContext none = new EventContext() {
            @Override
            public Recommender recommender(RecommenderSpec spec, GroundTruth truth) {
                throw new AssertionError("only when the event applies");
            }

            @Override
            public UserChoiceModel userModel(NamedComponentSpec spec) {
                throw new AssertionError("only when the event applies");
            }

            @Override
            public SyntheticSpace.Population drawUsers(int count, SplitMix rng) {
                throw new AssertionError("only when the event applies");
            }
        };
        List<EventSpec> specs = List.of(new BreakingNewsSpec(3, 1, 10, 8, 0.3, 2, List.of()),
                new SwitchRecommenderSpec(4, new RecommenderSpec("random", 1, 0, Map.of(), 0)),
                new AddPopulationSpec(5, "bots", 7, "simuline", Map.of()),
                new AttackSpec(6, 9, "shills", "bandwagon", 0.03, List.of(), 5, 3, 0, 0, 0.5, null));
        for (EventSpec s : specs) {
            ScenarioEvent e = s.create(none);
            assertEquals(s.type(), e.type());
            assertEquals(s.round(), e.round());
        }
        assertTrue(specs.get(2).create(none).describe().contains("7 users of population bots"));
    }

    @Test
    void anUnregisteredRecordHasNoKindName() {
        record Stray(int round) implements EventSpec {
            @Override
            public ScenarioEvent create(EventContext context) {
                return null;
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Stray(1).type());
        assertTrue(e.getMessage().contains("not a registered event kind"), e.getMessage());
    }
}
