package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    void findsByNameAndListsKnownNamesOnAMiss() {
        Registry<Integer> r = new Registry<Integer>("recommender").register("bpr", 1).register("random", 2);
        assertEquals(2, r.get("random"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("bpx"));
        assertTrue(e.getMessage().contains("unknown recommender 'bpx'; known: bpr, random"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> r.register("bpr", 3));
        assertTrue(r.find("none").isEmpty());
    }
}
