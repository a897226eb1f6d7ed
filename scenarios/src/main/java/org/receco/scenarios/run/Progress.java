package org.receco.scenarios.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run: a live bar on a terminal (round, rounds/s, ETA), a line per 10 % otherwise; either also
 * shows what {@link #watch} reports, e.g. the LLM calls in flight, done and failed and the tokens used.
 */
public interface Progress {
    void start(String task, int rounds);

    void round(int done, int rounds);

    void stop();

    /**
     * Shows {@code status} beside the rounds (null text: nothing), refreshed while a round plays, so a round
     * waiting on an LLM endpoint visibly progresses. Call before {@link #start}.
     */
    default void watch(Supplier<String> status) {
    }

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
        private Supplier<String> status = () -> null;
        private ScheduledExecutorService refresh;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void watch(Supplier<String> status) {
            this.status = status;
        }

        @Override
        public void start(String task, int rounds) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(rounds).setUnit(" rounds", 1)
                    .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setMaxRenderedLength(160).build();
            refresh = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "receco-progress");
                t.setDaemon(true);
                return t;
            });
            refresh.scheduleAtFixedRate(this::showStatus, 250, 250, TimeUnit.MILLISECONDS);
        }

        private void showStatus() {
            String s = status.get();
            if (s != null && bar != null) {
                bar.setExtraMessage(" " + s);
            }
        }

        @Override
        public void round(int done, int rounds) {
            showStatus();
            bar.stepTo(done);
        }

        @Override
        public void stop() {
            if (refresh != null) {
                refresh.shutdownNow();
            }
            if (bar != null) {
                showStatus();
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
        private Supplier<String> status = () -> null;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void watch(Supplier<String> status) {
            this.status = status;
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
                String extra = status.get();
                err.printf("%s: round %d/%d (%.1f rounds/s, ETA %ds)%s%n", task, done, rounds, rate, eta.toSeconds(),
                        extra == null ? "" : "; " + extra);
            }
        }

        @Override
        public void stop() {
        }
    }
}
