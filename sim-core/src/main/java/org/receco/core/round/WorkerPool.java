package org.receco.core.round;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a loop over agents on a fixed set of worker threads. Work is cut into fixed-size chunks that workers
 * claim in turn; each chunk's result must depend only on its agents (per-agent random streams, per-agent
 * outputs), so results are identical whatever the thread count or claim order. The calling thread is
 * worker 0.
 */
public final class WorkerPool implements AutoCloseable {
    /** A chunk of a parallel loop: agents {@code [from, to)} on the worker owning {@code scratch}. */
    @FunctionalInterface
    public interface ChunkTask {
        void run(int from, int to, WorkerScratch scratch);
    }

    private final int threads;
    private final ExecutorService executor;
    private final WorkerScratch[] scratch;

    public WorkerPool(int threads) {
        this.threads = Math.max(1, threads);
        this.scratch = new WorkerScratch[this.threads];
        for (int w = 0; w < this.threads; w++) {
            scratch[w] = new WorkerScratch(w);
        }
        this.executor = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "receco-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Scratch of worker {@code w}; worker 0 is the calling thread. */
    public WorkerScratch scratch(int w) {
        return scratch[w];
    }

    /** Runs {@code task} over {@code [0, n)} in chunks of {@code chunk} and returns when all are done. */
    public void forEach(int n, int chunk, ChunkTask task) {
        if (n <= 0) {
            return;
        }
        int chunks = (n + chunk - 1) / chunk;
        if (executor == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                task.run(c * chunk, Math.min(n, (c + 1) * chunk), scratch[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int w = 1; w < threads; w++) {
            WorkerScratch s = scratch[w];
            futures.add(executor.submit(() -> drain(next, chunks, chunk, n, task, s)));
        }
        RuntimeException failure = null;
        try {
            drain(next, chunks, chunk, n, task, scratch[0]);
        } catch (RuntimeException e) {
            failure = e;
            next.set(chunks);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    Throwable c = e.getCause();
                    failure = c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drain(AtomicInteger next, int chunks, int chunk, int n, ChunkTask task, WorkerScratch s) {
        int c;
        while ((c = next.getAndIncrement()) < chunks) {
            task.run(c * chunk, Math.min(n, (c + 1) * chunk), s);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
