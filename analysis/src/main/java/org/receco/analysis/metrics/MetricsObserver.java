package org.receco.analysis.metrics;

import java.util.List;
import org.receco.analysis.data.LiveSource;
import org.receco.analysis.data.RoundData;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;

/**
 * Computes a list of {@link Metric}s live: once per round it copies the round into one {@link RoundData} (every
 * input is available live) and records each metric's value under its name. NaN values are not recorded.
 * Reads the world only; sampling metrics use their own named streams, so adding metrics never changes a run.
 */
public final class MetricsObserver implements Observer {
    private final List<Metric> metrics;
    private final List<String> populations;
    private final double userShare;
    private final LiveSource source = new LiveSource();
    private RoundData data;

    /** Metrics over every user. */
    public MetricsObserver(List<Metric> metrics) {
        this(metrics, List.of());
    }

    /**
     * Metrics over the users of the populations named {@code populations} only (empty: every user), e.g. the
     * genuine users of a platform under a shilling attack; see {@link RoundData#restrictTo}.
     */
    public MetricsObserver(List<Metric> metrics, List<String> populations) {
        this(metrics, populations, 1);
    }

    /**
     * As {@link #MetricsObserver(List, List)}, over a fixed sample of about {@code userShare} of those users
     * (see {@link RoundData#sampleUsers}; 1 = all), drawn from stream {@value #USER_SAMPLE_STREAM}: at a million
     * users every computed metric reads a million slates a round, and a sample of 1 % estimates the same
     * means and distributions at a hundredth of the cost.
     */
    public MetricsObserver(List<Metric> metrics, List<String> populations, double userShare) {
        this.metrics = List.copyOf(metrics);
        this.populations = List.copyOf(populations);
        this.userShare = userShare;
    }

    /** The named stream whose seed decides which users are in a sampled observer's sample. */
    public static final String USER_SAMPLE_STREAM = "metrics.users";

    public List<Metric> metrics() {
        return metrics;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public void start(RoundView view) {
        data = new RoundData(view.world().dims());
        data.restrictTo(populations);
        if (userShare < 1) {
            data.sampleUsers(userShare, view.streams().streamSeed(USER_SAMPLE_STREAM));
        }
        for (Metric m : metrics) {
            m.start(view.streams());
        }
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        source.fill(view, data);
        for (Metric m : metrics) {
            double v = m.compute(data);
            if (!Double.isNaN(v)) {
                out.record(m.name(), v);
            }
        }
    }
}
