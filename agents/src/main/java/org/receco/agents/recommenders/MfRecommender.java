package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.PredictsRatings;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;

/**
 * Biased matrix factorisation of explicit 1–5 ratings (Koren, Bell &amp; Volinsky, "Matrix Factorization
 * Techniques for Recommender Systems", IEEE Computer 2009): {@code r̂_ui = μ + b_u + b_i + p_u · q_i}, with
 * {@code μ} the mean rating. The score of an item is its predicted rating, which {@link #predict} also exposes
 * for a prediction-shift measurement.
 *
 * <p>Fitted by alternating least squares, each retrain running {@code sweeps} passes of "solve every user with
 * the items fixed, then every item with the users fixed" over all ratings so far, warm-started from the previous
 * retrain. Each solve is a ridge regression of {@code r − μ − b_other} on {@code [1, factors_other]} with weight
 * {@code λ·n} (n = the row's rating count: the weighted-λ regularisation of Zhou, Wilkinson, Schreiber &amp; Pan,
 * "Large-Scale Parallel Collaborative Filtering for the Netflix Prize", AAIM 2008), so a user with three
 * ratings is shrunk as hard, relative to the data, as one with three hundred. The solves of one side are
 * independent, so they run on the run's workers ({@link RecommenderContext#forEach}), each writing only its own
 * row: the model is bitwise the same whatever the thread count. A user or item without ratings keeps a zero
 * bias and its initial factors, drawn from {@code N(0, initStd²)} on stream {@code rec.mf.init} seeded by its
 * id. In a click-only world there is nothing to fit and scores stay at those initial values; use {@code bpr}.
 */
public final class MfRecommender implements Recommender, PredictsRatings {
    public static final String NAME = "mf";

    /**
     * @param factors        latent dimensions
     * @param regularization λ, per rating of the row being solved
     * @param sweeps         ALS passes (users then items) per retrain
     * @param initStd        standard deviation of the initial factors
     */
    public record Params(
            @Doc("Latent dimensions of the factorisation.") @Range(min = 1, max = 256) int factors,
            @Doc("L2 weight lambda on factors and biases, times the solved row's rating count (ALS-WR).")
            @Range(min = 1e-6, max = 100) double regularization,
            @Doc("Alternating least-squares passes (all users, then all items) per retrain, warm-started.")
            @Range(min = 1, max = 1000) int sweeps,
            @Doc("Standard deviation of the Gaussian that new user and item factors are drawn from.")
            @Range(min = 0, max = 10) double initStd) {
        public Params {
            Bounds.check(Params.class, "", factors, regularization, sweeps, initStd);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "biased matrix factorisation of explicit ratings by ALS; scores are predicted ratings",
            Params.class, new Params(16, 0.05, 3, 0.1), false, (params, truth) -> new MfRecommender(params));

    private static final int USER_KIND = 0;
    private static final int ITEM_KIND = 1;
    /** Users solved per worker task. */
    private static final int CHUNK = 64;

    private final Params params;
    private final int k;
    /** Row width of the scoring layout: factors, then a bias slot and a constant-one slot. */
    private final int width;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private long initSeed;
    private final SplitMix rng = new SplitMix(0);
    private RatingRows rows = new RatingRows(false);

    private float[] userF = new float[0];
    private float[] userB = new float[0];
    private int users;
    private float[] itemF = new float[0];
    private float[] itemB = new float[0];
    private int items;
    private double mu;
    /** Live items as {@code [q_i, μ + b_i, 1]}, so {@code [p_u, 1, b_u]} dotted with a row is the prediction. */
    private float[] liveRows = new float[0];

    public MfRecommender(Params params) {
        this.params = params;
        this.k = params.factors();
        this.width = k + 2;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        this.ctx = ctx;
        catalog = ctx.catalog();
        initSeed = ctx.streams().streamSeed("rec.mf.init");
        rows = new RatingRows(false);
        userF = new float[0];
        userB = new float[0];
        itemF = new float[0];
        itemB = new float[0];
        users = 0;
        items = 0;
        mu = 0;
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
    }

    @Override
    public void beginRound(int round) {
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
        int n = catalog.liveCount();
        if (liveRows.length < n * width) {
            liveRows = new float[Math.max(n * width, liveRows.length + (liveRows.length >> 1))];
        }
        for (int j = 0; j < n; j++) {
            int i = catalog.liveItem(j);
            int o = j * width;
            System.arraycopy(itemF, i * k, liveRows, o, k);
            liveRows[o + k] = (float) (mu + itemB[i]);
            liveRows[o + k + 1] = 1f;
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int nq = toUser - fromUser;
        float[] q = scratch.floats(WorkerScratch.FIRST_FREE, nq * width);
        for (int u = fromUser; u < toUser; u++) {
            int o = (u - fromUser) * width;
            System.arraycopy(userF, u * k, q, o, k);
            q[o + k] = 1f;
            q[o + k + 1] = userB[u];
        }
        Vec.dotBlock(q, nq, liveRows, catalog.liveCount(), width, scores, stride);
    }

    @Override
    public void train(int round) {
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
        rows.ingest(ctx.feedback(), round, users, items);
        ensureUsers(rows.users());
        ensureItems(rows.items());
        if (rows.size() == 0) {
            return;
        }
        mu = rows.globalMean();
        int m = k + 1;
        for (int s = 0; s < params.sweeps(); s++) {
            ctx.forEach(users, CHUNK, (from, to, scratch) -> {
                double[] a = new double[m * m];
                double[] b = new double[m];
                for (int u = from; u < to; u++) {
                    solveUser(u, a, b);
                }
            });
            ctx.forEach(items, CHUNK, (from, to, scratch) -> {
                double[] a = new double[m * m];
                double[] b = new double[m];
                for (int i = from; i < to; i++) {
                    solveItem(i, a, b);
                }
            });
        }
    }

    /** Refits {@code b_u, p_u} to the user's ratings with the items' biases and factors fixed. */
    private void solveUser(int u, double[] a, double[] b) {
        int from = rows.userStart(u);
        int to = rows.userEnd(u);
        if (from == to) {
            return;
        }
        clear(a, b);
        for (int p = from; p < to; p++) {
            int i = rows.userItem(p);
            accumulate(a, b, itemF, i * k, rows.userStars(p) - mu - itemB[i]);
        }
        solveInto(a, b, to - from, userB, userF, u);
    }

    /** Refits {@code b_i, q_i} to the item's ratings with the users' biases and factors fixed. */
    private void solveItem(int i, double[] a, double[] b) {
        int from = rows.itemStart(i);
        int to = rows.itemEnd(i);
        if (from == to) {
            return;
        }
        clear(a, b);
        for (int p = from; p < to; p++) {
            int u = rows.itemUser(p);
            accumulate(a, b, userF, u * k, rows.itemStars(p) - mu - userB[u]);
        }
        solveInto(a, b, to - from, itemB, itemF, i);
    }

    private static void clear(double[] a, double[] b) {
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
    }

    /** Adds {@code z zᵀ} and {@code z y} for {@code z = [1, f[o..o+k)]} (upper triangle of {@code a} only). */
    private void accumulate(double[] a, double[] b, float[] f, int o, double y) {
        int m = k + 1;
        a[0] += 1;
        b[0] += y;
        for (int r = 0; r < k; r++) {
            double zr = f[o + r];
            a[r + 1] += zr;
            b[r + 1] += zr * y;
            int row = (r + 1) * m;
            for (int c = r; c < k; c++) {
                a[row + c + 1] += zr * f[o + c];
            }
        }
    }

    /** Solves {@code (A + λ n I) x = b} by Cholesky and writes {@code x = [bias, factors]} to row {@code id}. */
    private void solveInto(double[] a, double[] b, int n, float[] bias, float[] factors, int id) {
        int m = k + 1;
        double ridge = params.regularization() * n;
        for (int r = 0; r < m; r++) {
            a[r * m + r] += ridge;
        }
        Cholesky.solveUpper(a, b, m);
        bias[id] = (float) b[0];
        int o = id * k;
        for (int f = 0; f < k; f++) {
            factors[o + f] = (float) b[f + 1];
        }
    }

    @Override
    public double predict(int user, int item) {
        double s = mu;
        if (user < users) {
            s += userB[user];
        }
        if (item < items) {
            s += itemB[item];
        }
        if (user < users && item < items) {
            s += Vec.dot(userF, user * k, itemF, item * k, k);
        }
        return s;
    }

    /** User u's latent factors. */
    @Override
    public float[] userRepresentation(int u) {
        return u < users ? Arrays.copyOfRange(userF, u * k, u * k + k) : new float[k];
    }

    /** The global mean rating the model is centred on (0 before any rating). */
    double globalMean() {
        return mu;
    }

    private void ensureUsers(int n) {
        if (n <= users) {
            return;
        }
        if (userB.length < n) {
            int c = Math.max(n, users + (users >> 1));
            userF = Arrays.copyOf(userF, c * k);
            userB = Arrays.copyOf(userB, c);
        }
        for (int u = users; u < n; u++) {
            initRow(userF, u, USER_KIND);
        }
        users = n;
    }

    private void ensureItems(int n) {
        if (n <= items) {
            return;
        }
        if (itemB.length < n) {
            int c = Math.max(n, items + (items >> 1));
            itemF = Arrays.copyOf(itemF, c * k);
            itemB = Arrays.copyOf(itemB, c);
        }
        for (int i = items; i < n; i++) {
            initRow(itemF, i, ITEM_KIND);
        }
        items = n;
    }

    private void initRow(float[] a, int id, int kind) {
        rng.reseed(RandomStreams.seed(initSeed, kind, id));
        double sd = params.initStd();
        int o = id * k;
        for (int f = 0; f < k; f++) {
            a[o + f] = (float) (rng.nextGaussian() * sd);
        }
    }
}
