package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Doc;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.LinearScores;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.util.Vec;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;

/**
 * Content filtering as in T-RECS's {@code ContentFiltering} (Lucherini, Sun, Winecoff &amp; Narayanan,
 * "T-RECS: A Simulation Tool to Study the Societal Impact of Recommender Systems", 2021) and Chaney, Stewart
 * &amp; Engelhardt (RecSys 2018): the recommender knows every item's attributes A (items × d) and estimates
 * each user's profile by non-negative least squares on all their interactions so far,
 * {@code x_u = argmin_{x ≥ 0} ‖A x − y_u‖²}, y_u being u's interaction counts over all published items
 * (repeats count again). An item's score is {@code x_u · β_i / ‖x_u‖}: T-RECS scores with
 * {@code inner_product(normalize_users=True)}, so its predicted scores (and its {@code MSEMeasurement}) read the
 * L2-normalised profile, whose size does not grow with the user's interaction count as the raw fit's does.
 * Dividing a user's scores by one positive number leaves that user's ranking as it was.
 *
 * <p>The problem is solved in its Gram form {@code min ½ xᵀGx − b_uᵀx}, with {@code G = AᵀA} (d × d, shared,
 * updated as items are published) and {@code b_u = Aᵀy_u} (updated as interactions are logged), by cyclic
 * coordinate descent in double precision warm-started from the previous profile, to a relative tolerance of
 * 1e-9 (the optimum is unique once G is positive definite). Cost per retrain: O(users · sweeps · d²),
 * independent of the number of items.
 */
public final class ContentNnlsRecommender implements Recommender, LinearScores {
    public static final String NAME = "content-nnls";
    private static final int MAX_SWEEPS = 500;
    private static final double TOLERANCE = 1e-9;

    /** No parameters. */
    @Doc("content-nnls takes no parameters: it fits each user's profile to all their interactions.")
    public record Params() {
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "content filtering: non-negative least-squares user profiles over known item attributes"
                    + " (T-RECS ContentFiltering)",
            Params.class, new Params(), false, (params, truth) -> new ContentNnlsRecommender());

    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private FeedbackLog log;
    private int d;
    private double[] gram = new double[0];
    private int gramItems;
    private double[] b = new double[0];
    private double[] x = new double[0];
    private float[] profiles = new float[0];
    private int users;
    private int cursor;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext c) {
        ctx = c;
        catalog = c.catalog();
        log = c.feedback();
        d = catalog.dims();
        gram = new double[d * d];
        gramItems = 0;
        b = new double[0];
        x = new double[0];
        profiles = new float[0];
        users = 0;
        cursor = 0;
        ensureUsers(c.userCount());
    }

    private void ensureUsers(int n) {
        if (n > users) {
            b = Arrays.copyOf(b, n * d);
            x = Arrays.copyOf(x, n * d);
            profiles = Arrays.copyOf(profiles, n * d);
            users = n;
        }
    }

    @Override
    public void beginRound(int round) {
        ensureUsers(ctx.userCount());
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int nq = toUser - fromUser;
        float[] q = scratch.floats(WorkerScratch.FIRST_FREE, nq * d);
        System.arraycopy(profiles, fromUser * d, q, 0, nq * d);
        Vec.dotBlockByDim(q, nq, catalog.liveVectorsByDim(), catalog.liveStride(), catalog.liveCount(), d, scores,
                stride);
    }

    @Override
    public boolean linear() {
        return true;
    }

    /** The normalised profile x_u / ‖x_u‖ (zeros until u has interacted), as scores use it. */
    @Override
    public void weights(int user, float[] out, int off) {
        if (user < users) {
            System.arraycopy(profiles, user * d, out, off, d);
        } else {
            Arrays.fill(out, off, off + d, 0f);
        }
    }

    @Override
    public void train(int round) {
        ensureUsers(ctx.userCount());
        float[] vecs = catalog.vectors();
        for (int i = gramItems; i < catalog.count(); i++) {
            int o = i * d;
            for (int r = 0; r < d; r++) {
                double vr = vecs[o + r];
                for (int c = 0; c < d; c++) {
                    gram[r * d + c] += vr * vecs[o + c];
                }
            }
        }
        gramItems = catalog.count();
        int end = log.roundEnd(Math.min(round, log.rounds() - 1));
        for (int t = cursor; t < end; t++) {
            int u = log.user(t);
            if (u >= users) {
                ensureUsers(u + 1);
            }
            int io = log.item(t) * d;
            for (int k = 0; k < d; k++) {
                b[u * d + k] += vecs[io + k];
            }
        }
        cursor = Math.max(cursor, end);
        // Users' fits are independent: solved in parallel on the run's workers, each into its own rows.
        ctx.forEach(users, 64, (from, to, scratch) -> {
            double[] grad = new double[d];
            for (int u = from; u < to; u++) {
                solve(u, grad);
            }
        });
    }

    /** Coordinate descent on ½ xᵀGx − bᵀx, x ≥ 0, from the previous x_u. */
    private void solve(int u, double[] grad) {
        int o = u * d;
        boolean any = false;
        for (int k = 0; k < d; k++) {
            any |= b[o + k] != 0;
        }
        if (!any) {
            return;
        }
        for (int r = 0; r < d; r++) {
            double s = -b[o + r];
            for (int c = 0; c < d; c++) {
                s += gram[r * d + c] * x[o + c];
            }
            grad[r] = s;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxStep = 0;
            double maxX = 0;
            for (int k = 0; k < d; k++) {
                double gkk = gram[k * d + k];
                if (gkk <= 0) {
                    continue;
                }
                double old = x[o + k];
                double next = Math.max(0, old - grad[k] / gkk);
                double delta = next - old;
                if (delta != 0) {
                    x[o + k] = next;
                    for (int r = 0; r < d; r++) {
                        grad[r] += gram[r * d + k] * delta;
                    }
                }
                maxStep = Math.max(maxStep, Math.abs(delta));
                maxX = Math.max(maxX, next);
            }
            if (maxStep <= TOLERANCE * Math.max(maxX, 1e-300)) {
                break;
            }
        }
        double norm = 0;
        for (int k = 0; k < d; k++) {
            norm += x[o + k] * x[o + k];
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int k = 0; k < d; k++) {
            profiles[o + k] = (float) (x[o + k] * scale);
        }
    }

    /** The raw fitted profile x_u (zero before u's first training), as T-RECS's {@code users_hat}. */
    @Override
    public float[] userRepresentation(int u) {
        float[] r = new float[d];
        if (u < users) {
            for (int k = 0; k < d; k++) {
                r[k] = (float) x[u * d + k];
            }
        }
        return r;
    }

    /** The current profile of user u (for tests). */
    double[] profile(int u) {
        return Arrays.copyOfRange(x, u * d, u * d + d);
    }
}
