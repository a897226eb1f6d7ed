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

    @Test
    void relevantToAPageScoresEachMemoryByItsClosestItemAndSkipsTheRecentOnes() {
        AgentMemories pop = new AgentMemories(MINILM, 1, 20);
        pop.add(0, 1, Kind.FACT, 7, 5, "you rated \"Cup final goes to extra time\" 5 stars (great match)");
        pop.add(0, 2, Kind.FACT, 8, 2, "you rated \"Ten quick pasta sauces\" 2 stars (too simple)");
        pop.add(0, 3, Kind.REFLECTION, "You enjoyed football.");
        pop.add(0, 4, Kind.FACT, 9, 4, "you rated \"Central bank raises rates again\" 4 stars (clear)");
        pop.add(0, 5, Kind.FACT, 10, 3, "you rated \"Markets fall on inflation fears\" 3 stars (dull)");
        pop.flush();
        AgentMemory m = pop.of(0);
        float[][] page = MINILM.embed(List.of("Striker scores twice in the derby", "A new way to bake bread"));
        List<Entry> rel = m.relevant(page, 2, 2, Kind.FACT, 0);
        assertEquals(List.of(1, 2), rel.stream().map(Entry::round).toList(), texts(rel).toString());
        assertEquals(7, rel.get(0).item());
        assertEquals(5, rel.get(0).rating());
        // Only the first query item: the football memory first; the newest one skipped as already shown.
        assertEquals(1, m.relevant(page, 1, 4, Kind.FACT, 1).get(0).round());
        assertEquals(3, m.relevant(page, 2, 9, Kind.FACT, 1).size(), "the newest fact is left out");
        assertEquals(List.of(), m.relevant(page, 2, 3, Kind.FACT, 4));
        assertEquals(List.of(4, 5), m.recent(2, Kind.FACT).stream().map(Entry::round).toList());
        assertEquals("You enjoyed football.", m.recent(1, Kind.REFLECTION).get(0).text());
        assertEquals(List.of(4, 5), m.sinceReflection().stream().map(Entry::round).toList(),
                "the facts since the reflection");
    }

    @Test
    void withoutAnEmbedderRelevanceIsRecency() {
        AgentMemory m = new AgentMemory(Embedder.none(), 20);
        for (int r = 0; r < 5; r++) {
            m.add(r, Kind.FACT, "Clicked story number " + r + ".");
        }
        float[][] page = Embedder.none().embed(List.of("anything", "at all"));
        assertEquals(0, page[0].length);
        assertEquals(List.of(3, 2), m.relevant(page, 2, 2, Kind.FACT, 1).stream().map(Entry::round).toList());
        assertEquals(List.of(4, 3), m.relevant("a query", 2).stream().map(Entry::round).toList());
    }
}
