package org.receco.core.world;

import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.RoundView;

/**
 * Totals of one round, kept by the kernel and recorded as metrics every round: {@code users}, {@code items.live},
 * {@code exposures}, {@code clicks}, {@code likes}, {@code like_rate} (likes per click) and
 * {@code utility.per_click} (mean realised true utility of the clicked items). Genuine users only: a shilling attack's fake
 * accounts count in none of these.
 */
public final class RoundCounters {
    /** Genuine users of the round, or -1 before the first feedback phase (then every user counts). */
    public long users = -1;
    public long exposures;
    public long clicks;
    public long likes;
    public double utility;

    public void reset() {
        users = 0;
        exposures = 0;
        clicks = 0;
        likes = 0;
        utility = 0;
    }

    public void record(RoundView view, MetricRecorder out) {
        out.record("users", users < 0 ? view.world().users().count() : users);
        out.record("items.live", view.world().items().liveCount());
        out.record("exposures", exposures);
        out.record("clicks", clicks);
        out.record("likes", likes);
        out.record("like_rate", clicks == 0 ? 0 : (double) likes / clicks);
        out.record("utility.per_click", clicks == 0 ? 0 : utility / clicks);
    }
}
