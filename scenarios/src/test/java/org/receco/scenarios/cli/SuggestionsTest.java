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
    void didYouMeanIsASuffixOnlyWhenANameIsClose() {
        assertEquals(" (did you mean 'study'?)", Suggestions.didYouMean("stduy", COMMANDS));
        assertEquals("", Suggestions.didYouMean("frobnicate", COMMANDS));
    }
}
