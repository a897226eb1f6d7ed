package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.world.ItemStore;

class LlmUserMemoryTest {
    /** Items 0..3 along the axes of a 2-d space: 0 = (1,0), 1 = (0,1), 2 = (1,0.1), 3 = (-1,0). */
    private static ItemStore items() {
        ItemStore s = new ItemStore(2, 8);
        float[][] v = {{1, 0}, {0, 1}, {1, 0.1f}, {-1, 0}};
        for (float[] x : v) {
            s.add(x, 0, 0, 0, 1f, 0);
        }
        return s;
    }

    @Test
    void recentIsTheLastMemoriesOldestFirstAndReflectionComesEveryThird() {
        LlmUserMemory m = new LlmUserMemory();
        m.ensure(2);
        assertFalse(m.add(0, new LlmUserMemory.Memory(0, 0, 5, "a")));
        assertFalse(m.add(0, new LlmUserMemory.Memory(0, 1, 2, "b")));
        assertTrue(m.add(0, new LlmUserMemory.Memory(1, 2, 4, "c")));
        assertTrue(m.needsReflection(0));
        assertFalse(m.needsReflection(1));
        m.addReflection(0, "so far so good");
        assertFalse(m.needsReflection(0));
        assertEquals("so far so good", m.reflection(0));
        assertNull(m.reflection(1));
        assertEquals(List.of("b", "c"), m.recent(0, 2).stream().map(LlmUserMemory.Memory::reason).toList());
        assertEquals(List.of(), m.recent(1, 3));
    }

    @Test
    void relevantRanksByCosineToThePageAndSkipsTheRecentOnes() {
        LlmUserMemory m = new LlmUserMemory();
        m.ensure(1);
        for (int item = 0; item < 4; item++) {
            m.add(0, new LlmUserMemory.Memory(item, item, 3, "r" + item));
        }
        ItemStore items = items();
        // Page with item 0 only: items 0 and 2 point its way, 3 the other.
        List<LlmUserMemory.Memory> rel = m.relevant(0, new int[] {0}, 1, 2, List.of(), items);
        assertEquals(List.of("r0", "r2"), rel.stream().map(LlmUserMemory.Memory::reason).toList());
        List<LlmUserMemory.Memory> skip = m.relevant(0, new int[] {0}, 1, 2, m.recent(0, 1), items);
        assertEquals(List.of("r0", "r2"), skip.stream().map(LlmUserMemory.Memory::reason).toList());
        List<LlmUserMemory.Memory> skip2 = m.relevant(0, new int[] {0}, 1, 1, List.of(rel.get(0)), items);
        assertEquals(List.of("r2"), skip2.stream().map(LlmUserMemory.Memory::reason).toList());
    }

    @Test
    void theOldestMemoriesAreForgottenBeyondCapacity() {
        LlmUserMemory m = new LlmUserMemory();
        m.ensure(1);
        for (int k = 0; k < LlmUserMemory.CAPACITY + 5; k++) {
            m.add(0, new LlmUserMemory.Memory(k, 0, 3, "m" + k));
        }
        List<LlmUserMemory.Memory> all = m.recent(0, 1000);
        assertEquals(LlmUserMemory.CAPACITY, all.size());
        assertEquals("m5", all.get(0).reason());
    }
}
