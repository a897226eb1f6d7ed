package org.receco.analysis.metrics;

import java.util.Set;
import org.receco.analysis.data.Need;
import org.receco.analysis.data.RoundData;

/**
 * {@code interest.shift}: D_t = mean over users of ‖u_t − u_{t−1}‖₂, how far true interests moved this round
 * (SimuLine's user interest shift, Zhang et al., TCSS 2024); {@code interest.drift}: D_t^0 = mean of
 * ‖u_t − u_0‖₂, the cumulative drift from each user's interests on joining (Jiang et al., "Degenerate Feedback
 * Loops in Recommender Systems", AIES 2019: unbounded growth = a degenerate loop).
 * Users are all users existing this round.
 */
public final class InterestShift implements Metric {
    public static final String SHIFT = "interest.shift", DRIFT = "interest.drift";
    private final boolean drift;

    /** @param drift true for cumulative drift from u_0, false for the per-round shift */
    public InterestShift(boolean drift) {
        this.drift = drift;
    }

    @Override
    public String name() {
        return drift ? DRIFT : SHIFT;
    }

    @Override
    public String family() {
        return "interest";
    }

    @Override
    public String definition() {
        return drift ? "mean distance of users' true interests from where they started (cumulative drift)"
                : "mean distance users' true interests moved this round";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.USER_VECTORS, drift ? Need.INITIAL_USER_VECTORS : Need.PREVIOUS_USER_VECTORS);
    }

    @Override
    public double compute(RoundData d) {
        int n = d.users();
        int dims = d.dims();
        float[] now = d.userVectors();
        float[] before = drift ? d.initialUserVectors() : d.previousUserVectors();
        double total = 0;
        for (int u = 0; u < n; u++) {
            double s = 0;
            for (int k = u * dims, e = k + dims; k < e; k++) {
                double x = now[k] - before[k];
                s += x * x;
            }
            total += Math.sqrt(s);
        }
        return n == 0 ? 0 : total / n;
    }
}
