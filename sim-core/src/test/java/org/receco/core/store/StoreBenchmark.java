package org.receco.core.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.receco.core.RunManifest;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.spi.RoundView;
import org.receco.core.store.StoreOptions.ImpressionMode;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * Insert throughput of {@link H2RunStore} on SimuLine-sized rounds, run by hand (not a test):
 * 10,000 users, slates of 10, 10 clicks each (100,000 interaction rows a round), 200 new items a round.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$DEPS org.receco.core.store.StoreBenchmark \
 *      [rounds=50] [dir] [model ms per round=0] [configuration name filter]
 * </pre>
 * Configurations: clicks only, or everything (clicks, all impressions, snapshots every 10 rounds), each with
 * synchronous commits or the background writer. Prints per configuration the wall time, the time the
 * simulation thread was blocked in the sink (rows per second of it), and rows per CPU-second of that thread.
 */
public final class StoreBenchmark {
    private static final int USERS = 10_000;
    private static final int SLATE = 10;
    private static final int CLICKS = 10;
    private static final int NEW_ITEMS = 200;
    private static final int DIMS = 32;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("receco-bench");
        long workMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String only = args.length > 3 ? args[3] : "";
        StoreOptions clicks = new StoreOptions(true, ImpressionMode.off, 1, 0, false);
        StoreOptions all = new StoreOptions(true, ImpressionMode.full, 1, 10, false);
        run(base.resolve("warmup"), clicks, 5, 0);
        for (String name : new String[] {"clicks-sync", "clicks-background", "all-sync", "all-background"}) {
            if (name.contains(only)) {
                StoreOptions o = (name.startsWith("all") ? all : clicks).withBackground(name.endsWith("background"));
                run(base.resolve(name), o, rounds, workMs);
            }
        }
    }

    /** Plays {@code rounds} synthetic rounds into a store; {@code workMs} of busy work per round stands for the model. */
    private static void run(Path dir, StoreOptions o, int rounds, long workMs) throws IOException {
        Fake view = new Fake();
        RunManifest m = new RunManifest("bench", null, null, null, 1, rounds, 0, 1, "bench", null, null, null, null,
                RunManifest.RUNNING, null);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long rows = 0;
        long inSink = 0;
        long cpuInSink = 0;
        long t0 = System.nanoTime();
        try (H2RunStore store = new H2RunStore(dir, o)) {
            store.start(m, view);
            for (int r = 0; r < rounds; r++) {
                view.play(r);
                spin(workMs);
                long s = System.nanoTime();
                long c = mx.getCurrentThreadCpuTime();
                store.writeRound(view);
                for (int k = 0; k < 7; k++) {
                    store.writeMetric(r, "metric." + k, k * 0.5);
                }
                store.commitRound(r);
                inSink += System.nanoTime() - s;
                cpuInSink += mx.getCurrentThreadCpuTime() - c;
                rows += (o.interactions() ? (long) USERS * CLICKS : 0)
                        + (o.impressions() == ImpressionMode.full ? (long) USERS * SLATE : 0)
                        + (o.snapshotAt(r, rounds) ? USERS + view.world.items().liveCount() : 0) + NEW_ITEMS + 8;
            }
            long s = System.nanoTime();
            store.finish(m.ended(RunManifest.COMPLETED, null, null));
            inSink += System.nanoTime() - s;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long size = Files.size(RunDatabase.file(dir));
        System.out.printf(Locale.ROOT, "%-20s rounds %3d  rows %,11d  model %4d ms/round  wall %6.1f s"
                        + "  blocked in sink %6.1f s (%,9.0f rows/s, sink-thread CPU %,9.0f rows/s)  file %,d MB%n",
                dir.getFileName(), rounds, rows, workMs, wall, inSink / 1e9, rows / (inSink / 1e9),
                rows / (cpuInSink / 1e9), size >> 20);
    }

    private static void spin(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A world and round state filled with synthetic slates and clicks. */
    private static final class Fake implements RoundView {
        final World world;
        final RoundState state = new RoundState(SLATE, CLICKS);
        final RandomStreams streams = new RandomStreams(1);
        final SplitMix rng = new SplitMix(1);
        final float[] v = new float[DIMS];
        int round = -1;

        Fake() {
            float[] centres = new float[DIMS];
            centres[0] = 1;
            world = new World(new LatentSpace(DIMS, centres), USERS, 100, 10_000);
            for (int u = 0; u < USERS; u++) {
                world.users().add(v, 0, 0, 0, 0);
            }
            for (int a = 0; a < 100; a++) {
                world.authors().add(v, 0, 0, 0);
            }
        }

        void play(int r) {
            round = r;
            for (int i = 0; i < NEW_ITEMS; i++) {
                for (int k = 0; k < DIMS; k++) {
                    v[k] = (float) rng.nextGaussian();
                }
                world.items().add(v, 0, i % 100, r, (float) rng.nextDouble(), 0);
            }
            world.items().retireCreatedBefore(r - 4);
            world.items().rebuildLive();
            state.begin(r, USERS);
            int[] slates = state.slates();
            byte[] channels = state.channels();
            int live = world.items().liveCount();
            for (int u = 0; u < USERS; u++) {
                for (int p = 0; p < SLATE; p++) {
                    slates[u * SLATE + p] = world.items().liveItem((u * 7 + p * 13) % live);
                    channels[u * SLATE + p] = RoundState.MATCH;
                }
                state.setSlateLength(u, SLATE);
                for (int c = 0; c < CLICKS; c++) {
                    state.addClick(u, c, rng.nextDouble() < 0.5, (float) rng.nextDouble());
                }
            }
        }

        @Override
        public int round() {
            return round;
        }

        @Override
        public World world() {
            return world;
        }

        @Override
        public RoundState state() {
            return state;
        }

        @Override
        public RandomStreams streams() {
            return streams;
        }

        @Override
        public String recommenderName() {
            return "bench";
        }
    }
}
