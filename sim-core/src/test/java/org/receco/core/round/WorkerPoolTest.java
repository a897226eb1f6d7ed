package org.receco.core.round;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.RandomStreams;

class WorkerPoolTest {

    private static long[] drawPerAgent(int threads) {
        long[] out = new long[1000];
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.forEach(out.length, 7, (from, to, s) -> {
                for (int u = from; u < to; u++) {
                    s.rng().reseed(RandomStreams.seed(42, 3, u));
                    out[u] = s.rng().nextLong();
                }
            });
        }
        return out;
    }

    @Test
    void perAgentResultsDoNotDependOnTheThreadCount() {
        assertArrayEquals(drawPerAgent(1), drawPerAgent(2));
        assertArrayEquals(drawPerAgent(1), drawPerAgent(5));
    }

    @Test
    void coversEveryAgentExactlyOnce() {
        int[] hits = new int[997];
        AtomicInteger chunks = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(3)) {
            pool.forEach(hits.length, 10, (from, to, s) -> {
                chunks.incrementAndGet();
                for (int u = from; u < to; u++) {
                    hits[u]++;
                }
            });
        }
        for (int h : hits) {
            assertEquals(1, h);
        }
        assertEquals(100, chunks.get());
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEach(100, 1,
                    (from, to, s) -> {
                        if (from == 57) {
                            throw new IllegalStateException("agent 57");
                        }
                    }));
            assertEquals("agent 57", e.getMessage());
        }
    }
}
