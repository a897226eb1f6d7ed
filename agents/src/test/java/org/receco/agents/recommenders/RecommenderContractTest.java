package org.receco.agents.recommenders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.receco.agents.Components;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerPool;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderFactory;

/**
 * What every registered recommender must honour, whatever it computes: the kernel's scoring contract (every
 * live item written, nothing beyond the row, results independent of block boundaries, threads and scratch
 * state), training independent of the worker threads, reproducibility from the seed, and documented, bounded
 * parameters. The cases are the registry's names, so a recommender is covered the day it is registered.
 */
class RecommenderContractTest {
    private static final int USERS = 21;
    private static final int ROUNDS = 4;

    static Stream<String> registered() {
        return Components.RECOMMENDERS.names().stream();
    }

    /**
     * A factory is registered under its own name; any other name it is registered under is an alias of that
     * one (e.g. Chaney et al.'s {@code ideal} for {@code oracle}).
     */
    @ParameterizedTest
    @MethodSource("registered")
    void theRecommenderIsRegisteredUnderItsName(String name) {
        RecommenderFactory<?> f = Components.RECOMMENDERS.get(name);
        assertSame(f, Components.RECOMMENDERS.get(f.name()), name + " is an alias of an unregistered name");
        Fixture fx = new Fixture(4, 1);
        Recommender rec = create(f, fx);
        play(fx, rec, USERS);
        assertEquals(f.name(), rec.name());
        assertTrue(f.description() != null && !f.description().isBlank());
    }

    @ParameterizedTest
    @MethodSource("registered")
    void parametersAreDocumentedBoundedRecords(String name) throws Exception {
        RecommenderFactory<?> f = Components.RECOMMENDERS.get(name);
        Record defaults = f.defaults();
        assertNotNull(defaults);
        assertTrue(f.paramsType().isRecord());
        assertEquals(f.paramsType(), defaults.getClass());
        for (RecordComponent c : f.paramsType().getRecordComponents()) {
            assertNotNull(c.getAnnotation(Doc.class), name + "." + c.getName() + " lacks @Doc");
            Class<?> t = c.getType();
            if (t == int.class || t == long.class || t == double.class || t == float.class) {
                Range r = c.getAnnotation(Range.class);
                assertNotNull(r, name + "." + c.getName() + " lacks @Range");
                double v = ((Number) c.getAccessor().invoke(defaults)).doubleValue();
                assertTrue(v >= r.min() && v <= r.max(), name + "." + c.getName() + " default " + v
                        + " outside its range");
            } else {
                assertNotNull(c.getAccessor().invoke(defaults), name + "." + c.getName() + " default is null");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("registered")
    void everyLiveItemIsScoredAndNothingBeyondTheRow(String name) {
        Fixture fx = new Fixture(4, 11);
        Recommender rec = create(Components.RECOMMENDERS.get(name), fx);
        play(fx, rec, USERS);
        int n = fx.catalog().liveCount();
        int stride = n + 3;
        float[] out = new float[8 * stride];
        for (int b = 0; b < USERS; b += 8) {
            int e = Math.min(USERS, b + 8);
            Arrays.fill(out, Float.NaN);
            rec.score(b, e, out, stride, new WorkerScratch(0));
            for (int u = 0; u < e - b; u++) {
                for (int j = 0; j < stride; j++) {
                    float s = out[u * stride + j];
                    if (j < n) {
                        assertTrue(Float.isFinite(s), name + ": user " + (b + u) + " live item " + j + " = " + s);
                    } else {
                        assertTrue(Float.isNaN(s), name + " wrote past the live items of row " + (b + u));
                    }
                }
            }
        }
    }

    /**
     * The kernel cuts users into blocks of 8 from user 0 whatever the thread count, so scores must be bitwise
     * identical for that partition however the blocks are spread over threads and scratch instances.
     */
    @ParameterizedTest
    @MethodSource("registered")
    void scoresDoNotDependOnThreadsOrScratch(String name) throws Exception {
        Fixture fx = new Fixture(4, 12);
        Recommender rec = create(Components.RECOMMENDERS.get(name), fx);
        play(fx, rec, USERS);
        int n = fx.catalog().liveCount();
        float[] sequential = fx.scoreAll(rec);
        float[] parallel = new float[USERS * n];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int from = t * 8;
                int to = Math.min(USERS, from + 8);
                futures.add(pool.submit(() -> {
                    WorkerScratch s = new WorkerScratch(1);
                    s.floats(WorkerScratch.FIRST_FREE, 1000)[0] = Float.NaN; // stale scratch contents
                    float[] buf = new float[(to - from) * n];
                    rec.score(from, to, buf, n, s);
                    System.arraycopy(buf, 0, parallel, from * n, buf.length);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(sequential, parallel, name + ": concurrent scoring differs from sequential");
    }

    /**
     * Any other partition gives the same scores up to float rounding ({@code Vec.dotBlock} sums a block's
     * last queries in a different order).
     */
    @ParameterizedTest
    @MethodSource("registered")
    void scoresDoNotDependOnBlockBoundaries(String name) {
        Fixture fx = new Fixture(4, 12);
        Recommender rec = create(Components.RECOMMENDERS.get(name), fx);
        play(fx, rec, USERS);
        int n = fx.catalog().liveCount();
        float[] byBlocks = fx.scoreAll(rec);
        WorkerScratch scratch = new WorkerScratch(0);
        int[] starts = {0, 1, 6, 13, USERS};
        for (int b = 0; b + 1 < starts.length; b++) {
            int from = starts[b];
            int to = starts[b + 1];
            float[] buf = new float[(to - from) * n];
            rec.score(from, to, buf, n, scratch);
            for (int k = 0; k < buf.length; k++) {
                float expected = byBlocks[from * n + k];
                assertEquals(expected, buf[k], 1e-5f * Math.max(1f, Math.abs(expected)),
                        name + ": user " + (from + k / n) + " item " + (k % n));
            }
        }
    }

    /**
     * Training that runs on the run's workers ({@code RecommenderContext.forEach}, e.g. content-nnls's
     * per-user fits, 64 users a chunk) gives bitwise the same model on 3 threads as in order on one: 200
     * users make 4 chunks, so several threads really train at once.
     */
    @ParameterizedTest
    @MethodSource("registered")
    void trainingDoesNotDependOnTheWorkerThreads(String name) {
        int users = 200;
        Fixture inOrder = new Fixture(4, 14);
        Recommender a = create(Components.RECOMMENDERS.get(name), inOrder);
        play(inOrder, a, users);
        try (WorkerPool workers = new WorkerPool(3)) {
            Fixture threaded = new Fixture(4, 14).withWorkers(workers);
            Recommender b = create(Components.RECOMMENDERS.get(name), threaded);
            play(threaded, b, users);
            assertArrayEquals(inOrder.scoreAll(a), threaded.scoreAll(b), name + ": 3 training threads differ from 1");
        }
    }

    @ParameterizedTest
    @MethodSource("registered")
    void theSameSeedReproducesTheSameScores(String name) {
        Fixture a = new Fixture(4, 13);
        Recommender ra = create(Components.RECOMMENDERS.get(name), a);
        play(a, ra, USERS);
        Fixture b = new Fixture(4, 13);
        Recommender rb = create(Components.RECOMMENDERS.get(name), b);
        play(b, rb, USERS);
        assertArrayEquals(a.scoreAll(ra), b.scoreAll(rb));
    }

    /**
     * Creates a recommender from its defaults, handed the truth exactly when its factory asks for it, as the
     * scenario wiring does; {@link #play} initialises it.
     */
    static Recommender create(RecommenderFactory<?> f, Fixture fx) {
        return createTyped(f, fx);
    }

    private static <P extends Record> Recommender createTyped(RecommenderFactory<P> f, Fixture fx) {
        return f.create(f.defaults(), f.needsGroundTruth() ? fx.world : null);
    }

    /**
     * Adds {@code users} users and initialises {@code rec} on them (the population exists when the kernel
     * calls {@code init}), then plays {@link #ROUNDS} rounds the way the kernel does (publish, retire,
     * rebuild, begin, score, click, train), items living two rounds so live positions and item ids diverge,
     * then begins one more round.
     */
    static void play(Fixture fx, Recommender rec, int users) {
        SplitMix rng = new SplitMix(99);
        int d = fx.dims();
        float[] v = new float[d];
        for (int u = 0; u < users; u++) {
            for (int x = 0; x < d; x++) {
                v[x] = (float) rng.nextGaussian();
            }
            fx.addUser(v);
        }
        rec.init(fx);
        for (int r = 0; r <= ROUNDS; r++) {
            fx.openRound(r);
            for (int c = 0; c < 12; c++) {
                for (int x = 0; x < d; x++) {
                    v[x] = (float) rng.nextGaussian();
                }
                fx.addItem(v);
            }
            fx.world.items().retireCreatedBefore(r - 1);
            fx.rebuildLive();
            rec.beginRound(r);
            if (r == ROUNDS) {
                return;
            }
            fx.scoreAll(rec);
            int n = fx.catalog().liveCount();
            for (int u = 0; u < users; u++) {
                for (int c = 0; c < 3; c++) {
                    fx.click(u, fx.catalog().liveItem(rng.nextInt(n)), rng.nextBoolean(0.6));
                }
            }
            rec.train(r);
        }
    }
}
