package org.receco.analysis.metrics;

import org.receco.core.RecEcoModel;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.LinearScores;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RoundView;
import org.receco.core.world.ItemCatalog;

/**
 * T-RECS's {@code MSEMeasurement} (Lucherini et al. 2021): the mean squared difference between the
 * recommender's predicted scores and the users' true utilities, over live items and the first {@code users}
 * users. Predicted scores are the scores the recommender ranks by; T-RECS's are {@code inner_product(
 * normalize_users=True)} of its user estimate, and content filtering's here are likewise of the unit-length
 * profile, so the value does not grow with a user's interaction count. Users are exchangeable, so the first
 * {@code users} are a sample ({@code users} ≥ the population gives the full mean).
 * Measured after training, as T-RECS measures after each step. Reads the recommender in force through the
 * model; scoring has no side effects. Users are scored in fixed chunks of {@value #CHUNK} on the common
 * fork-join pool and the chunks' sums added in order, so the value does not depend on the number of cores.
 *
 * <p>When both the recommender and the world's utility are {@link LinearScores} (content filtering against
 * a noise-free utility world, T-RECS's setting), every user's error over all live items is the quadratic form
 * {@code (w_u − v_u)ᵀ G (w_u − v_u)} of the live items' Gram matrix {@code G = Σ_i x_i x_iᵀ}, computed in double
 * precision: O(users · d²) per round instead of O(users · items · d), and no rounding of scores to float.
 * The Gram matrix is kept between rounds while the live set stays the same ({@link ItemCatalog#liveVersion()}),
 * so an instance observes one model. Recorded as {@value #NAME}.
 */
public final class PredictionMse implements Observer {
    public static final String NAME = "mse";
    private static final int BLOCK = 8;
    private static final int CHUNK = 128;

    private final int sampleUsers;
    private final boolean allowGram;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
    /** The Gram matrix of {@link #gramOf}'s live set at version {@link #gramVersion}. */
    private double[] gram;
    private ItemCatalog gramOf;
    private int gramVersion;

    private static final class Buffers {
        final WorkerScratch scratch = new WorkerScratch(0);
        float[] predicted = new float[0];
        float[] truth = new float[0];
    }

    public PredictionMse(int sampleUsers) {
        this(sampleUsers, true);
    }

    /** {@code allowGram = false} always scores users × items (the reference the Gram form is tested against). */
    public PredictionMse(int sampleUsers, boolean allowGram) {
        if (sampleUsers < 1) {
            throw new IllegalArgumentException("sampleUsers must be at least 1");
        }
        this.sampleUsers = sampleUsers;
        this.allowGram = allowGram;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void observe(RoundView view, MetricRecorder out) {
        if (!(view instanceof RecEcoModel model)) {
            return;
        }
        Recommender rec = model.recommender();
        ItemCatalog live = view.world().items();
        int n = live.liveCount();
        int users = Math.min(sampleUsers, view.world().users().count());
        if (n == 0 || users == 0) {
            return;
        }
        if (allowGram && rec instanceof LinearScores r && r.linear()
                && view.world().utility() instanceof LinearScores t && t.linear()) {
            out.record(NAME, gramMse(r, t, liveGram(live), live.dims(), users) / ((double) users * n));
            return;
        }
        int chunks = (users + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            Buffers buf = buffers.get();
            if (buf.predicted.length < BLOCK * n) {
                buf.predicted = new float[BLOCK * n];
                buf.truth = new float[BLOCK * n];
            }
            double s = 0;
            for (int b = c * CHUNK; b < Math.min(users, (c + 1) * CHUNK); b += BLOCK) {
                int e = Math.min(users, Math.min((c + 1) * CHUNK, b + BLOCK));
                rec.score(b, e, buf.predicted, n, buf.scratch);
                view.world().utility().utilityOfLive(b, e, live, buf.truth, 0, n, buf.scratch);
                for (int k = 0; k < (e - b) * n; k++) {
                    double diff = buf.predicted[k] - buf.truth[k];
                    s += diff * diff;
                }
            }
            partial[c] = s;
        });
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        out.record(NAME, sum / ((double) users * n));
    }

    /**
     * The live items' Gram matrix, computed again only when the live set has changed ({@link
     * ItemCatalog#liveVersion()}): in a world whose items stay (T-RECS's benchmark) it is computed once per run.
     */
    private double[] liveGram(ItemCatalog live) {
        if (live != gramOf || live.liveVersion() != gramVersion) {
            gram = gram(live);
            gramOf = live;
            gramVersion = live.liveVersion();
        }
        return gram;
    }

    /** G = Σ_i x_i x_iᵀ over the live items, in double precision (d × d, row-major). */
    static double[] gram(ItemCatalog live) {
        int d = live.dims();
        int n = live.liveCount();
        float[] x = live.liveVectors();
        double[] gram = new double[d * d];
        for (int j = 0; j < n; j++) {
            int o = j * d;
            for (int r = 0; r < d; r++) {
                double xr = x[o + r];
                for (int c = r; c < d; c++) {
                    gram[r * d + c] += xr * x[o + c];
                }
            }
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                gram[r * d + c] = gram[c * d + r];
            }
        }
        return gram;
    }

    /** Σ over users u &lt; {@code users} of (w_u − v_u)ᵀ G (w_u − v_u). */
    static double gramMse(LinearScores predicted, LinearScores truth, double[] gram, int d, int users) {
        float[] w = new float[d];
        float[] v = new float[d];
        double[] diff = new double[d];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            predicted.weights(u, w, 0);
            truth.weights(u, v, 0);
            for (int k = 0; k < d; k++) {
                diff[k] = (double) w[k] - v[k];
            }
            for (int r = 0; r < d; r++) {
                double g = 0;
                for (int c = 0; c < d; c++) {
                    g += gram[r * d + c] * diff[c];
                }
                sum += diff[r] * g;
            }
        }
        return sum;
    }
}
