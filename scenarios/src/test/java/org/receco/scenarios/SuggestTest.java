package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void levenshteinDistance() {
        assertEquals(0, Suggest.distance("bpr", "bpr"));
        assertEquals(1, Suggest.distance("bpx", "bpr"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(3, Suggest.distance("", "abc"));
        assertEquals(1, Suggest.distance("stduy", "study"), "a swap of neighbours is one edit");
        assertEquals(1, Suggest.distance("run", "rune"));
    }

    @Test
    void suggestsTheClosePlausibleCandidate() {
        List<String> keys = List.of("size", "match", "coldStart", "hot");
        assertEquals(Optional.of("coldStart"), Suggest.closest("coldstart", keys));
        assertEquals(Optional.of("coldStart"), Suggest.closest("colStart", keys));
        assertEquals(Optional.of("match"), Suggest.closest("mach", keys));
        assertEquals(Optional.empty(), Suggest.closest("zzzzzzzzzz", keys));
        assertEquals(" (did you mean 'hot'?)", Suggest.didYouMean("hto", keys));
        assertEquals("", Suggest.didYouMean("x", List.of()));
    }
}
