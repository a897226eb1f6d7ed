package org.receco.agents.llm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.agents.llm.memory.AgentMemory.Entry;
import org.receco.agents.llm.memory.AgentMemory.Kind;

class AgentMemoryTest {
    private static final Embedder MINILM = new MiniLmEmbedder();

    private static List<String> texts(List<Entry> entries) {
        return entries.stream().map(Entry::text).toList();
    }

    @Test
    void relevantRanksByMeaningThenRecency() {
        AgentMemory m = new AgentMemory(MINILM, 20);
        m.add(1, Kind.FACT, "Watched a football match and rated it 5.");
        m.add(2, Kind.FACT, "Read a recipe for lemon cake and rated it 3.");
        m.add(3, Kind.FEELING, "Worried about rising interest rates and my savings.");
        m.add(4, Kind.FEELING, "Thrilled by the last-minute goal in the derby.");
        List<Entry> sport = m.relevant("a soccer game", 2);
        assertEquals(List.of(1, 4), sport.stream().map(Entry::round).sorted().toList(), texts(sport).toString());
        assertEquals("Worried about rising interest rates and my savings.",
                m.relevant("the economy and banks", 1).get(0).text());
        assertEquals(4, m.relevant("anything", 10).size(), "k past the size gives everything");
        assertEquals(List.of(), m.relevant("anything", 0));

        // The same text twice: equal similarity, the newer first.
        m.add(5, Kind.FACT, "Read a recipe for lemon cake and rated it 3.");
        List<Entry> cake = m.relevant("baking a cake", 2);
        assertEquals(List.of(5, 2), cake.stream().map(Entry::round).toList());
    }

    @Test
    void recentIsTheLastKAsTheyHappened() {
        AgentMemory m = new AgentMemory(MINILM, 20);
        for (int r = 0; r < 5; r++) {
            m.add(r, Kind.FACT, "Clicked story number " + r + ".");
        }
        assertEquals(List.of(2, 3, 4), m.recent(3).stream().map(Entry::round).toList());
        assertEquals(5, m.recent(99).size());
        assertEquals(0, m.recent(0).size());
    }

    @Test
    void reflectionIsDueAfterThreeNewMemories() {
        AgentMemory m = new AgentMemory(MINILM, 20);
        m.add(0, Kind.FACT, "Clicked a science story.");
        m.add(0, Kind.FEELING, "Curious about comets.");
        assertFalse(m.needsReflection());
        m.add(1, Kind.FACT, "Clicked a story on telescopes.");
        assertTrue(m.needsReflection());
        m.addReflection(1, "I am drawn to astronomy.");
        assertFalse(m.needsReflection(), "a reflection resets the count and does not count itself");
        m.add(2, Kind.FACT, "Skipped a sports story.");
        m.add(2, Kind.FACT, "Skipped a politics story.");
        assertFalse(m.needsReflection());
        m.add(3, Kind.FEELING, "Tired of politics.");
        assertTrue(m.needsReflection());
        assertThrows(IllegalArgumentException.class, () -> m.add(4, Kind.REFLECTION, "use addReflection"));
        assertThrows(IllegalArgumentException.class, () -> m.add(4, Kind.FACT, " "));
    }

    @Test
    void aFullMemoryForgetsItsOldestNonReflection() {
        AgentMemory m = new AgentMemory(MINILM, 3);
        m.add(0, Kind.FACT, "first fact");
        m.addReflection(0, "a reflection");
        m.add(1, Kind.FACT, "second fact");
        m.add(2, Kind.FEELING, "third, a feeling");
        assertEquals(List.of("a reflection", "second fact", "third, a feeling"), texts(m.entries()));
        m.add(3, Kind.FACT, "fourth fact");
        assertEquals(List.of("a reflection", "third, a feeling", "fourth fact"), texts(m.entries()));
        AgentMemory r = new AgentMemory(MINILM, 2);
        r.addReflection(0, "one");
        r.addReflection(1, "two");
        r.addReflection(2, "three");
        assertEquals(List.of("two", "three"), texts(r.entries()), "all reflections: the oldest goes");
        assertThrows(IllegalArgumentException.class, () -> new AgentMemory(MINILM, 0));
    }
}
