package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ItemStoreTest {

    @Test
    void growsKeepsLiveOrderAndCompactsLiveVectors() {
        ItemStore s = new ItemStore(2, 1);
        for (int i = 0; i < 40; i++) {
            s.add(new float[] {i, 1}, 0, i % 4, i / 10, i, i % 3);
        }
        assertEquals(40, s.count());
        assertEquals(10, s.retireCreatedBefore(1)); // round 0's ten items
        s.rebuildLive();
        assertEquals(30, s.liveCount());
        assertFalse(s.isLive(9));
        assertTrue(s.isLive(10));
        assertEquals(-1, s.liveIndexOf(3));
        for (int j = 0; j < s.liveCount(); j++) {
            int id = s.liveItem(j);
            assertEquals(j, s.liveIndexOf(id));
            assertArrayEquals(Arrays.copyOfRange(s.vectors(), id * 2, id * 2 + 2),
                    Arrays.copyOfRange(s.liveVectors(), j * 2, j * 2 + 2));
            // The by-attribute copy holds the same values, one padded row per attribute.
            assertEquals(s.vectors()[id * 2], s.liveVectorsByDim()[j]);
            assertEquals(s.vectors()[id * 2 + 1], s.liveVectorsByDim()[s.liveStride() + j]);
        }
        assertTrue(s.liveStride() >= s.liveCount() && s.liveStride() % 16 == 0, "stride " + s.liveStride());
        assertEquals((float) Math.sqrt(25 * 25 + 1), s.norm(25), 1e-4);
        assertEquals(25f, s.quality(25));
        assertEquals(1, s.author(25));
    }

    @Test
    void liveVersionChangesWhenTheLiveSetDoesAndOnlyThen() {
        ItemStore s = new ItemStore(2, 4);
        int v0 = s.liveVersion();
        s.rebuildLive();
        int v1 = s.liveVersion();
        assertTrue(v1 != v0, "the first rebuild builds the (empty) live matrix");
        s.rebuildLive();
        assertEquals(v1, s.liveVersion(), "nothing published or retired");
        s.add(new float[] {1, 2}, 0, 0, 0, 0f, 0);
        s.add(new float[] {3, 4}, 0, 0, 1, 0f, 0);
        s.rebuildLive();
        int v2 = s.liveVersion();
        assertTrue(v2 != v1, "published");
        assertEquals(2, s.liveCount());
        assertEquals(3f, s.liveVectors()[2]);
        assertEquals(0, s.retireCreatedBefore(0));
        s.rebuildLive();
        assertEquals(v2, s.liveVersion(), "a retirement that retired nothing");
        assertEquals(1, s.retireCreatedBefore(1));
        s.rebuildLive();
        assertTrue(s.liveVersion() != v2, "retired");
        assertEquals(1, s.liveCount());
        assertEquals(3f, s.liveVectors()[0], "the live matrix was compacted");
    }
}
