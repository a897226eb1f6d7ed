package org.receco.agents.llm.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.receco.agents.llm.memory.AgentMemory.Entry;
import org.receco.agents.llm.memory.AgentMemory.Kind;

class AgentMemoriesTest {
    private static final MiniLmEmbedder MINILM = new MiniLmEmbedder();
    private static final int AGENTS = 12;

    /** MiniLM, counting its calls and texts. */
    private static final class Counting implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public String name() {
            return MINILM.name();
        }

        @Override
        public int dims() {
            return MINILM.dims();
        }

        @Override
        public synchronized float[][] embed(List<String> texts) {
            calls.incrementAndGet();
            batchSizes.add(texts.size());
            return MINILM.embed(texts);
        }
    }

    private static String text(int agent, int j) {
        return "Agent " + agent + " clicked a story about " + (j % 2 == 0 ? "football" : "the budget") + " (" + j
                + ").";
    }

    @Test
    void oneEmbedCallPerRoundWhateverTheThreadsAddIn() throws Exception {
        Counting sequential = new Counting();
        AgentMemories a = new AgentMemories(sequential, AGENTS, 10);
        for (int u = 0; u < AGENTS; u++) {
            for (int j = 0; j < 3; j++) {
                a.add(u, 0, Kind.FACT, text(u, j));
            }
        }
        assertEquals(3 * AGENTS, a.pendingCount());
        assertEquals(0, a.of(0).size(), "nothing is remembered before the flush");
        assertEquals(3 * AGENTS, a.flush());
        assertEquals(List.of(3 * AGENTS), sequential.batchSizes, "one call for the whole population");

        // Four threads adding for interleaved agents, in reverse: the same memories.
        Counting threaded = new Counting();
        AgentMemories b = new AgentMemories(threaded, AGENTS, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (int u = AGENTS - 1 - first; u >= 0; u -= 4) {
                        for (int j = 0; j < 3; j++) {
                            b.add(u, 0, Kind.FACT, text(u, j));
                        }
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        b.flush();
        for (int u = 0; u < AGENTS; u++) {
            List<Entry> x = a.of(u).entries();
            List<Entry> y = b.of(u).entries();
            assertEquals(x.stream().map(Entry::text).toList(), y.stream().map(Entry::text).toList());
            for (int i = 0; i < x.size(); i++) {
                assertArrayEquals(x.get(i).vector(), y.get(i).vector());
            }
        }
        assertEquals(0, b.flush(), "nothing left to embed");
        assertEquals(1, threaded.calls.get());
    }

    @Test
    void batchedMemoriesRetrieveAsSingleOnes() {
        AgentMemories batch = new AgentMemories(MINILM, 2, 10);
        AgentMemory single = new AgentMemory(MINILM, 10);
        for (int j = 0; j < 4; j++) {
            batch.add(1, j, Kind.FEELING, text(1, j));
            single.add(j, Kind.FEELING, text(1, j));
        }
        batch.flush();
        assertEquals(true, batch.of(1).needsReflection());
        List<List<Entry>> got = batch.relevant(new int[] {1, 0}, List.of("a soccer match", "anything"), 2);
        assertEquals(single.relevant("a soccer match", 2).stream().map(Entry::text).toList(),
                got.get(0).stream().map(Entry::text).toList());
        assertEquals(List.of(), got.get(1), "agent 0 remembers nothing");
        batch.grow(5);
        assertEquals(5, batch.size());
    }
}
