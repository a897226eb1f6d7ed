package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationsTest {

    @Test
    void idsAreDenseInJoiningOrderAndNamesFindThem() {
        Populations p = new Populations();
        assertEquals(0, p.add("latent", "simuline", 0));
        assertEquals(1, p.add("attack", "shill", 7));
        assertEquals(2, p.count());
        assertEquals(List.of("latent", "attack"), p.names());
        assertEquals(1, p.find("attack").getAsInt());
        assertTrue(p.find("llm").isEmpty());
        assertEquals(new Populations.Population(1, "attack", "shill", 7, false), p.get(1));
    }

    @Test
    void fakePopulationsLabelTheirUsers() {
        Populations p = new Populations();
        p.add("genuine", "rating", 0);
        p.add("shills", "bandwagon", 3, true);
        assertTrue(p.isFake(1));
        assertTrue(p.anyFake());
        UserStore users = new UserStore(1, 4);
        float[] v = {0f};
        users.add(v, 0, 0, 0, 0);
        users.add(v, 0, 0, 1, 3);
        users.add(v, 0, 0, 0, 3);
        boolean[] fake = p.fakeUsers(users);
        assertEquals(3, fake.length);
        assertTrue(!fake[0] && fake[1] && !fake[2]);
        Populations genuineOnly = new Populations();
        genuineOnly.add("genuine", "rating", 0);
        assertTrue(!genuineOnly.anyFake());
    }

    @Test
    void namesAreUniqueAndNotBlank() {
        Populations p = new Populations();
        p.add("latent", "simuline", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.add("latent", "x", 3));
        assertTrue(e.getMessage().contains("'latent' exists already"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.add(" ", "x", 3));
        assertEquals(1, p.count());
    }
}
