package org.receco.scenarios.sweep;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a sweep: runs done and failed, and the ETA. Called from worker threads. */
public interface SweepProgress {
    void start(int runs);

    void finished(SweepPlan.PlannedRun run, RunRecord record);

    void stop();

    SweepProgress NONE = new SweepProgress() {
        @Override
        public void start(int runs) {
        }

        @Override
        public void finished(SweepPlan.PlannedRun run, RunRecord record) {
        }

        @Override
        public void stop() {
        }
    };

    /** A live bar on {@code err} when it is a terminal, else a line per run. */
    static SweepProgress forConsole(PrintStream err) {
        return System.console() != null ? new Bar() : new Lines(err);
    }

    /** A progress bar: runs done of runs to do, runs/min, failures, ETA. */
    final class Bar implements SweepProgress {
        private ProgressBar bar;
        private int failed;

        @Override
        public void start(int runs) {
            bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(runs).setUnit(" runs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setMaxRenderedLength(100)
                    .build();
            bar.setExtraMessage("0 failed");
        }

        @Override
        public synchronized void finished(SweepPlan.PlannedRun run, RunRecord record) {
            if (!record.completed()) {
                failed++;
            }
            bar.step();
            bar.setExtraMessage(failed + " failed");
        }

        @Override
        public void stop() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** One line per finished run with the counts and the ETA, for logs and batch jobs. */
    final class Lines implements SweepProgress {
        private final PrintStream err;
        private long t0;
        private int total;
        private int done;
        private int failed;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(int runs) {
            total = runs;
            t0 = System.nanoTime();
        }

        @Override
        public synchronized void finished(SweepPlan.PlannedRun run, RunRecord record) {
            done++;
            if (!record.completed()) {
                failed++;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long eta = Math.round((total - done) * s / done);
            err.printf("sweep: %d/%d runs done, %d failed, ETA %ds | %s %s (%.1f s)%s%n", done, total, failed, eta,
                    run.dirName(), record.status(), record.wallSeconds(),
                    record.error() == null ? "" : ": " + record.error());
        }

        @Override
        public void stop() {
        }
    }
}
