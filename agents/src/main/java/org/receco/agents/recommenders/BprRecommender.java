package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;

/**
 * Matrix factorisation trained with Bayesian Personalized Ranking (Rendle, Freudenthaler, Gantner &amp;
 * Schmidt-Thieme, "BPR: Bayesian Personalized Ranking from Implicit Feedback", UAI 2009), the model SimuLine
 * retrains every round on the cumulative like graph.
 *
 * <p>The score of item {@code i} for user {@code u} is {@code p_u · q_i}. Each retrain runs {@code epochs}
 * passes of stochastic gradient ascent on {@code ln σ(p_u·q_i − p_u·q_j) − λ(‖p_u‖² + ‖q_i‖² + ‖q_j‖²)} over
 * the positive pairs {@code (u, i)} in a shuffled order, with {@code negatives} items {@code j} per positive
 * drawn uniformly from the items live at training time (retired items are never scored, so ranking against
 * them teaches nothing useful). Like LearnBPR, negatives are not checked against the user's other positives:
 * with thousands of live items a collision is rare and only adds noise.
 *
 * <p>Factors persist between retrains (warm start), struct-of-arrays in {@code float[]}; a user or item is
 * initialised from {@code N(0, initStd²)} on first sight, drawn from stream {@code rec.bpr.init} seeded by its
 * id, so its start does not depend on when it appeared. Training order is drawn from stream {@code rec.bpr.train}
 * seeded by (round, epoch), and with {@code strata > 1} by (round, epoch, sub-epoch, block), each block on
 * whichever worker thread is free: a run is reproducible whatever the thread count. Scoring multiplies the
 * user factors by a compacted copy of the live items' factors laid out by factor, rebuilt in {@link #beginRound}.
 */
public final class BprRecommender implements Recommender {
    public static final String NAME = "bpr";

    /**
     * @param factors        latent dimensions of the factorisation
     * @param learningRate   SGD step size
     * @param regularization L2 weight λ on the factors touched by a step
     * @param epochs         passes over the training positives per retrain
     * @param negatives      uniformly sampled negative items per positive pair
     * @param initStd        standard deviation of new factors
     * @param trainWindow    rounds of positives trained on, ending with the trained round; 0 = all history.
     *                       Default 5, SimuLine's item lifetime: item factors only matter while items are live,
     *                       and warm-started user factors carry older taste. On the default news scenario this
     *                       both halves training time and beats all-history training on realised utility
     * @param positives      which logged clicks are positives
     * @param strata         1: one SGD pass in a shuffled order over all pairs (LearnBPR). S &gt; 1: stratified
     *                       SGD (Gemulla, Nijkamp, Haas &amp; Sismanis, "Large-Scale Matrix Factorization with
     *                       Distributed Stochastic Gradient Descent", KDD 2011): users and items fall in S
     *                       strata by id modulo S, and each epoch runs S sub-epochs in which the S blocks
     *                       (user stratum b, item stratum (b + t) mod S) touch disjoint factor rows and train in
     *                       parallel; negatives come from the block's item stratum. S is fixed by the scenario,
     *                       never by the thread count, so a run trains identically on any number of threads
     */
    public record Params(
            @Doc("Latent dimensions of the factorisation.") @Range(min = 1, max = 1024) int factors,
            @Doc("SGD step size.") @Range(min = 1e-9, max = 10) double learningRate,
            @Doc("L2 regularisation weight on the factors each SGD step touches.") @Range(min = 0, max = 10)
            double regularization,
            @Doc("Passes over the training positives per retrain (warm-started from the previous retrain).")
            @Range(min = 1, max = 10000) int epochs,
            @Doc("Negative items sampled uniformly from the live set per positive pair (SimuLine: 9).")
            @Range(min = 1, max = 1000) int negatives,
            @Doc("Standard deviation of the Gaussian that new user and item factors are drawn from.")
            @Range(min = 0, max = 10) double initStd,
            @Doc("Rounds of positives trained on, ending with the trained round; 0 = all history.")
            @Range(min = 0, max = 1_000_000) int trainWindow,
            @Doc("Which logged clicks are positives: likes (the like graph, as SimuLine), clicks, or rating4 "
                    + "(rated 4-5).")
            FeedbackSignal positives,
            @Doc("Strata of users and items for parallel stratified SGD (Gemulla et al. 2011); 1 = serial "
                    + "LearnBPR. Results depend on this, never on the thread count.")
            @Range(min = 1, max = 256) int strata) {
        public Params {
            Bounds.check(Params.class, "", factors, learningRate, regularization, epochs, negatives, initStd,
                    trainWindow, positives, strata);
            if (positives == null) {
                throw new IllegalArgumentException("positives is required (likes, clicks or rating4)");
            }
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "matrix factorisation trained with BPR on the like graph, warm-started every retrain",
            Params.class, new Params(32, 0.05, 0.01, 10, 1, 0.1, 5, FeedbackSignal.likes, 1), false,
            (params, truth) -> new BprRecommender(params));

    private static final int USER_KIND = 0;
    /** σ(−x) is tabulated on [−SIG_RANGE, SIG_RANGE]; beyond it the gradient weight is 0 or 1 to float precision. */
    private static final float SIG_RANGE = 16f;
    private static final int SIG_STEPS = 1 << 12;
    private static final float SIG_SCALE = SIG_STEPS / (2 * SIG_RANGE);
    /**
     * σ(−x) at {@code SIG_STEPS + 1} evenly spaced points, from StrictMath so a run trains identically on
     * every platform; a table lookup is also several times cheaper than {@code exp} in the SGD loop.
     */
    private static final float[] SIGMOID_NEG = new float[SIG_STEPS + 2];

    static {
        for (int t = 0; t < SIGMOID_NEG.length; t++) {
            double x = -SIG_RANGE + t / (double) SIG_SCALE;
            SIGMOID_NEG[t] = (float) (1.0 / (1.0 + StrictMath.exp(x)));
        }
    }
    private static final int ITEM_KIND = 1;

    private final Params params;
    private final int k;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private long initSeed;
    private long trainSeed;
    private final SplitMix rng = new SplitMix(0);

    /** User factors; user {@code u} at {@code [u*k, u*k+k)}. Rows {@code [0, users)} are initialised. */
    private float[] userF = new float[0];
    private int users;
    /** Item factors by item id; rows {@code [0, items)} are initialised. */
    private float[] itemF = new float[0];
    private int items;
    /**
     * Live items' factors by factor, {@code liveF[f*liveCount + j]} = factor f of live item j: what {@link #score}
     * reads. This layout lets the kernel score a vector of items per instruction with no transposition per user
     * block (the row layout cost a transposition of every live item for each block of eight users).
     */
    private float[] liveF = new float[0];

    /** Positive pairs in log order (so rounds are non-decreasing). */
    private FeedbackWindow positives;
    private int[] trainUser = new int[0];
    private int[] trainItem = new int[0];
    private int[] negPool = new int[0];
    /** Stratified training: block b's pairs are {@code [blockStart[b], blockStart[b+1])} of the train buffers. */
    private int[] blockStart = new int[0];
    /** Stratified training: live items of item stratum s are {@code negByStratum[poolStart[s], poolStart[s+1])}. */
    private int[] poolStart = new int[0];
    private int[] negByStratum = new int[0];

    public BprRecommender(Params params) {
        this.params = params;
        this.k = params.factors();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        this.ctx = ctx;
        catalog = ctx.catalog();
        initSeed = ctx.streams().streamSeed("rec.bpr.init");
        trainSeed = ctx.streams().streamSeed("rec.bpr.train");
        userF = new float[0];
        itemF = new float[0];
        users = 0;
        items = 0;
        positives = new FeedbackWindow(params.positives());
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
    }

    @Override
    public void beginRound(int round) {
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
        int n = catalog.liveCount();
        if (liveF.length < n * k) {
            liveF = new float[Math.max(n * k, liveF.length + (liveF.length >> 1))];
        }
        for (int j = 0; j < n; j++) {
            int io = catalog.liveItem(j) * k;
            for (int f = 0, c = j; f < k; f++, c += n) {
                liveF[c] = itemF[io + f];
            }
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int nq = toUser - fromUser;
        float[] q = scratch.floats(WorkerScratch.FIRST_FREE, nq * k);
        System.arraycopy(userF, fromUser * k, q, 0, nq * k);
        int n = catalog.liveCount();
        Vec.dotBlockByDim(q, nq, liveF, n, n, k, scores, stride);
    }

    @Override
    public void train(int round) {
        ingest(round);
        ensureUsers(ctx.userCount());
        ensureItems(catalog.count());
        int from = positives.firstFrom(round, params.trainWindow());
        int m = positives.size() - from;
        if (m == 0) {
            return;
        }
        int pool = buildNegativePool();
        if (pool < 2) {
            return;
        }
        // Copy the window's pairs into a contiguous buffer and shuffle the pairs themselves, so the SGD loop
        // reads them sequentially instead of chasing shuffled indices into the positive lists.
        if (trainUser.length < m) {
            int c = Math.max(m, trainUser.length + (trainUser.length >> 1));
            trainUser = new int[c];
            trainItem = new int[c];
        }
        if (params.strata() > 1) {
            trainStratified(round, from, m, pool);
            return;
        }
        System.arraycopy(positives.users(), from, trainUser, 0, m);
        System.arraycopy(positives.items(), from, trainItem, 0, m);
        int[] tu = trainUser;
        int[] ti = trainItem;
        int[] neg = negPool;
        float lr = (float) params.learningRate();
        float reg = (float) params.regularization();
        int negatives = params.negatives();
        for (int e = 0; e < params.epochs(); e++) {
            rng.reseed(RandomStreams.seed(trainSeed, round, e));
            for (int t = m - 1; t > 0; t--) {
                int r = rng.nextInt(t + 1);
                int su = tu[t];
                int si = ti[t];
                tu[t] = tu[r];
                ti[t] = ti[r];
                tu[r] = su;
                ti[r] = si;
            }
            for (int t = 0; t < m; t++) {
                int uo = tu[t] * k;
                int i = ti[t];
                int io = i * k;
                for (int s = 0; s < negatives; s++) {
                    int j = neg[rng.nextInt(pool)];
                    if (j != i) {
                        step(uo, io, j * k, lr, reg);
                    }
                }
            }
        }
    }

    /**
     * Stratified SGD over the window's positives {@code [from, from + m)} (see {@link Params#strata}): the pairs
     * are bucketed by block (user stratum, item stratum) in log order, the live items by item stratum; each
     * block's pass shuffles its pairs and draws its negatives from a stream seeded by (round, epoch, block),
     * so what a block computes does not depend on which thread runs it or when.
     */
    private void trainStratified(int round, int from, int m, int pool) {
        int strata = params.strata();
        int blocks = strata * strata;
        int[] u0 = positives.users();
        int[] i0 = positives.items();
        if (blockStart.length < blocks + 1) {
            blockStart = new int[blocks + 1];
            poolStart = new int[strata + 1];
        }
        int[] start = blockStart;
        java.util.Arrays.fill(start, 0, blocks + 1, 0);
        for (int t = from; t < from + m; t++) {
            start[(u0[t] % strata) * strata + i0[t] % strata + 1]++;
        }
        for (int b = 0; b < blocks; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = java.util.Arrays.copyOf(start, blocks);
        for (int t = from; t < from + m; t++) {
            int b = (u0[t] % strata) * strata + i0[t] % strata;
            int at = fill[b]++;
            trainUser[at] = u0[t];
            trainItem[at] = i0[t];
        }
        if (negByStratum.length < pool) {
            negByStratum = new int[negPool.length];
        }
        int[] ps = poolStart;
        java.util.Arrays.fill(ps, 0, strata + 1, 0);
        for (int j = 0; j < pool; j++) {
            ps[negPool[j] % strata + 1]++;
        }
        for (int s = 0; s < strata; s++) {
            ps[s + 1] += ps[s];
        }
        int[] pfill = java.util.Arrays.copyOf(ps, strata);
        for (int j = 0; j < pool; j++) {
            negByStratum[pfill[negPool[j] % strata]++] = negPool[j];
        }
        float lr = (float) params.learningRate();
        float reg = (float) params.regularization();
        for (int e = 0; e < params.epochs(); e++) {
            long epochSeed = RandomStreams.seed(trainSeed, round, e);
            for (int t = 0; t < strata; t++) {
                int shift = t;
                // The blocks of one sub-epoch share no user and no item, so they may run at once.
                ctx.forEach(strata, 1, (lo, hi, scratch) -> {
                    for (int ub = lo; ub < hi; ub++) {
                        int ib = (ub + shift) % strata;
                        int block = ub * strata + ib;
                        SplitMix r = scratch.rng();
                        r.reseed(RandomStreams.seed(epochSeed, shift, block));
                        trainBlock(start[block], start[block + 1], ps[ib], ps[ib + 1], r, lr, reg);
                    }
                });
            }
        }
    }

    /** One shuffled pass over the pairs {@code [lo, hi)} with negatives from {@code negByStratum[nlo, nhi)}. */
    private void trainBlock(int lo, int hi, int nlo, int nhi, SplitMix r, float lr, float reg) {
        int[] tu = trainUser;
        int[] ti = trainItem;
        int[] neg = negByStratum;
        int pool = nhi - nlo;
        if (hi - lo < 1 || pool < 2) {
            return;
        }
        for (int t = hi - 1; t > lo; t--) {
            int x = lo + r.nextInt(t - lo + 1);
            int su = tu[t];
            int si = ti[t];
            tu[t] = tu[x];
            ti[t] = ti[x];
            tu[x] = su;
            ti[x] = si;
        }
        int negatives = params.negatives();
        for (int t = lo; t < hi; t++) {
            int uo = tu[t] * k;
            int i = ti[t];
            int io = i * k;
            for (int s = 0; s < negatives; s++) {
                int j = neg[nlo + r.nextInt(pool)];
                if (j != i) {
                    step(uo, io, j * k, lr, reg);
                }
            }
        }
    }

    /**
     * One SGD step on triple (u, i, j) (Rendle et al. 2009, LearnBPR): with {@code g = σ(−x_uij)}, move
     * {@code p_u} along {@code q_i − q_j} and the items along {@code ±p_u}, each with weight decay. The item
     * updates use the user's factors from before the step, as the gradient prescribes.
     */
    private void step(int uo, int io, int jo, float lr, float reg) {
        float[] p = userF;
        float[] q = itemF;
        // Four partial sums break the add-latency chain; the order is fixed, so results stay reproducible.
        float x0 = 0f;
        float x1 = 0f;
        float x2 = 0f;
        float x3 = 0f;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            x0 += p[uo + f] * (q[io + f] - q[jo + f]);
            x1 += p[uo + f + 1] * (q[io + f + 1] - q[jo + f + 1]);
            x2 += p[uo + f + 2] * (q[io + f + 2] - q[jo + f + 2]);
            x3 += p[uo + f + 3] * (q[io + f + 3] - q[jo + f + 3]);
        }
        for (; f < k; f++) {
            x0 += p[uo + f] * (q[io + f] - q[jo + f]);
        }
        float x = (x0 + x1) + (x2 + x3);
        float g = sigmoidOfNegative(x);
        for (f = 0; f < k; f++) {
            float pu = p[uo + f];
            float qi = q[io + f];
            float qj = q[jo + f];
            p[uo + f] = pu + lr * (g * (qi - qj) - reg * pu);
            q[io + f] = qi + lr * (g * pu - reg * qi);
            q[jo + f] = qj - lr * (g * pu + reg * qj);
        }
    }

    /** σ(−x) = 1 / (1 + e^x) by linear interpolation in {@link #SIGMOID_NEG} (absolute error below 1e-6). */
    static float sigmoidOfNegative(float x) {
        if (!(x > -SIG_RANGE)) {
            return 1f;
        }
        if (x >= SIG_RANGE) {
            return 0f;
        }
        float pos = (x + SIG_RANGE) * SIG_SCALE;
        int t = (int) pos;
        float w = pos - t;
        return SIGMOID_NEG[t] + w * (SIGMOID_NEG[t + 1] - SIGMOID_NEG[t]);
    }

    /**
     * Appends the positives logged since the last call, up to and including {@code round}, and forgets those that
     * no later training window can reach (rounds only grow).
     */
    private void ingest(int round) {
        positives.read(ctx.feedback(), round);
        if (params.trainWindow() > 0) {
            positives.dropBefore(round - params.trainWindow() + 1);
        }
        ensureUsers(positives.userBound());
        ensureItems(positives.itemBound());
    }

    /** Fills {@link #negPool} with the live items (all items if fewer than two are live); returns its size. */
    private int buildNegativePool() {
        int n = catalog.liveCount();
        boolean live = n >= 2;
        if (!live) {
            n = items;
        }
        if (negPool.length < n) {
            negPool = new int[Math.max(n, negPool.length + (negPool.length >> 1))];
        }
        for (int j = 0; j < n; j++) {
            negPool[j] = live ? catalog.liveItem(j) : j;
        }
        return n;
    }

    private void ensureUsers(int n) {
        if (n <= users) {
            return;
        }
        if (userF.length < n * k) {
            userF = Arrays.copyOf(userF, Math.max(n, (users + (users >> 1))) * k);
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
        if (itemF.length < n * k) {
            itemF = Arrays.copyOf(itemF, Math.max(n, (items + (items >> 1))) * k);
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

    /** User u's latent factors. */
    @Override
    public float[] userRepresentation(int u) {
        return u < users ? Arrays.copyOfRange(userF, u * k, u * k + k) : new float[k];
    }

    /** Factor {@code f} of user {@code u}, for tests. */
    float userFactor(int u, int f) {
        return userF[u * k + f];
    }

    /** Factor {@code f} of item {@code i}, for tests. */
    float itemFactor(int i, int f) {
        return itemF[i * k + f];
    }
}
