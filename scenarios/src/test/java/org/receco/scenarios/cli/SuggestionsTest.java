package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("run", "validate", "schema", "study", "sweep", "help");

    @Test
    void aTypoIsMatchedToTheClosestName() {
        assertEquals("validate", Suggestions.closest("valdate", COMMANDS));
        assertEquals("study", Suggestions.closest("stduy", COMMANDS));
        assertEquals("run", Suggestions.closest("rnu", COMMANDS));
    }

    @Test
    void aPrefixOfOneNameIsThatName() {
        assertEquals("validate", Suggestions.closest("val", COMMANDS));
        assertEquals("--threads", Suggestions.closest("--thr", List.of("--threads", "--out")));
    }

    @Test
    void nothingCloseIsNoSuggestion() {
        assertNull(Suggestions.closest("frobnicate", COMMANDS));
        assertNull(Suggestions.closest("x", List.of()));
    }

    @Test
    void shortOptionsAreNeverSuggested() {
        assertNull(Suggestions.closest("-x", List.of("-q", "--quiet")));
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(1, Suggestions.distance("stduy", "study"));
        assertEquals(0, Suggestions.distance("run", "run"));
        assertEquals(1, Suggestions.distance("run", "rum"));
        assertEquals(1, Suggestions.distance("run", "rune"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
