package org.receco.analysis.metrics;

import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.world.UserStore;

/**
 * {@code interest.shift}: mean over users of ‖u_t − u_{t−1}‖₂, how far true interests moved this round
 * (SimuLine's user interest shift, Zhang et al., TCSS 2024); {@code interest.drift}: mean of ‖u_t − u_0‖₂,
 * the cumulative drift from each user's interests on joining (Jiang et al., "Degenerate feedback loops in
 * recommender systems", AIES 2019).
 */
public final class InterestShift implements Observer {
    public static final String SHIFT = "interest.shift", DRIFT = "interest.drift";

    @Override
    public String name() {
        return SHIFT;
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        UserStore users = view.world().users();
        int n = users.count();
        int d = users.dims();
        float[] now = users.prefs();
        float[] before = users.previousPrefs();
        float[] start = users.initialPrefs();
        double shift = 0;
        double drift = 0;
        for (int u = 0; u < n; u++) {
            double s = 0;
            double t = 0;
            for (int k = u * d, e = k + d; k < e; k++) {
                double x = now[k] - before[k];
                double y = now[k] - start[k];
                s += x * x;
                t += y * y;
            }
            shift += Math.sqrt(s);
            drift += Math.sqrt(t);
        }
        out.record(SHIFT, n == 0 ? 0 : shift / n);
        out.record(DRIFT, n == 0 ? 0 : drift / n);
    }
}
