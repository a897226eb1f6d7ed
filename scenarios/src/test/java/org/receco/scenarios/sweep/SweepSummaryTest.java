package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shards (the summary's interval is MeanInterval's, tested in analysis). */
class SweepSummaryTest {
    @Test
    void shardsPartitionTheRuns() {
        Shard s = Shard.parse("1/3");
        assertEquals(new Shard(1, 3), s);
        assertTrue(s.owns(4) && !s.owns(3));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
