package org.receco.scenarios.run;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a run: a live bar on a terminal (round, rounds/s, ETA), a line per 10 % otherwise. */
public interface Progress {
    void start(String task, int rounds);

    void round(int done, int rounds);

    void stop();

    Progress NONE = new Progress() {
        @Override
        public void start(String task, int rounds) {
        }

        @Override
        public void round(int done, int rounds) {
        }

        @Override
        public void stop() {
        }
    };

    /** A bar on {@code err} when it is a terminal, else plain lines. */
    static Progress forConsole(PrintStream err) {
        return System.console() != null ? new Bar(err) : new Lines(err);
    }

    /** A progress bar: rounds done of all, elapsed and remaining time (ETA), rounds/s. */
    final class Bar implements Progress {
        private final PrintStream err;
        private ProgressBar bar;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(String task, int rounds) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(rounds).setUnit(" rounds", 1)
                    .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setMaxRenderedLength(100).build();
        }

        @Override
        public void round(int done, int rounds) {
            bar.stepTo(done);
        }

        @Override
        public void stop() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** One line per tenth of the run, for logs and CI. */
    final class Lines implements Progress {
        private final PrintStream err;
        private long t0;
        private int lastDecile;
        private String task;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(String name, int rounds) {
            task = name;
            t0 = System.nanoTime();
            lastDecile = 0;
        }

        @Override
        public void round(int done, int rounds) {
            int decile = done * 10 / rounds;
            if (decile > lastDecile || done == rounds) {
                lastDecile = decile;
                double s = (System.nanoTime() - t0) / 1e9;
                double rate = done / Math.max(1e-9, s);
                Duration eta = Duration.ofSeconds((long) ((rounds - done) / Math.max(1e-9, rate)));
                err.printf("%s: round %d/%d (%.1f rounds/s, ETA %ds)%n", task, done, rounds, rate, eta.toSeconds());
            }
        }

        @Override
        public void stop() {
        }
    }
}
