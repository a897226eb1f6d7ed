package org.receco.agents.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.RandomStreams;

class SyntheticSpaceTest {

    @Test
    void agentsSitNearTheirTopicCentreAndFollowTheWeights() {
        SpaceParams p = new SpaceParams(8, 3, 2.0, 0.1, 0.1, List.of(1.0, 0.0, 3.0));
        SyntheticSpace s = new SyntheticSpace(p, new RandomStreams(4));
        SyntheticSpace.Population pop = s.drawUsers(4000, new RandomStreams(4).stream("u"));
        int[] counts = new int[3];
        for (int q = 0; q < 4000; q++) {
            int t = pop.topics()[q];
            counts[t]++;
            assertEquals(t, s.space().nearestTopic(pop.vectors(), q * 8), "small spread: nearest centre is own");
        }
        assertEquals(0, counts[1]);
        assertEquals(0.25, counts[0] / 4000.0, 0.03); // sd of the share: sqrt(.25*.75/4000) = 0.007
    }

    @Test
    void sameSeedSameSpace() {
        SpaceParams p = SpaceParams.defaults();
        SyntheticSpace a = new SyntheticSpace(p, new RandomStreams(1));
        SyntheticSpace b = new SyntheticSpace(p, new RandomStreams(1));
        assertArrayEquals(a.drawAuthors(10, new RandomStreams(1).stream("a")).vectors(),
                b.drawAuthors(10, new RandomStreams(1).stream("a")).vectors());
        assertTrue(a.space().centre(0, 0) != new SyntheticSpace(p, new RandomStreams(2)).space().centre(0, 0));
    }

    @Test
    void rejectsWeightsOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new SpaceParams(4, 3, 1, 1, 1, List.of(1.0)));
    }
}
