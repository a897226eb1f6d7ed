package org.receco.agents.users;

import java.util.Arrays;
import org.receco.agents.space.Dirichlet;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.LinearScores;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStore;
import org.receco.core.world.UserStore;
import org.receco.core.world.World;

/**
 * The utility world of Chaney, Stewart &amp; Engelhardt, "How Algorithmic Confounding in Recommendation
 * Systems Increases Homogeneity and Decreases Utility" (RecSys 2018), as replicated by T-RECS (Lucherini et
 * al. 2021). Users' preferences θ_u and items' attributes β_i live on the attribute simplex (use
 * {@code space.kind: dirichlet} and the {@code item-source} author model).
 *
 * <ul>
 *   <li>True utility {@code V_ui ~ Beta} with mean {@code θ_u·β_i} and variance {@code utilityVariance}.</li>
 *   <li>Known utility {@code V_ui · η_ui}, {@code η_ui ~ Beta(knownShare, knownVariance)}: users know only a
 *       share of their utility.</li>
 *   <li>Each round a user consumes exactly one item of its slate: {@code argmax_p (p+1)^attentionExponent ·
 *       known_ui} (position p from 0). Consumption is the positive feedback, so every click is "liked".</li>
 *   <li>Optional drift toward consumed items: {@code θ_u ← (1 − drift) θ_u + drift β_i}.</li>
 * </ul>
 *
 * <p>Both Beta draws are fixed per (user, item): they come from two seeds drawn from the first cohort's
 * parameter stream, re-seeded by (user, item), so no U × I matrix is needed for them. True utilities
 * are cached per user row (invalidated when the user drifts) while the world has at most {@value #CACHE_LIMIT}
 * (user, item) pairs, because the {@code ideal} recommender asks for every live item every round. With both
 * variances 0 the blocked kernel is a plain {@link Vec#dotBlockByDim}.
 */
public final class UtilityWorldUserModel implements UserChoiceModel, LinearScores {
    public static final String NAME = "utility-world";
    static final long CACHE_LIMIT = 1L << 25;

    public static final ComponentFactory<UtilityWorldParams, UserChoiceModel> FACTORY = ComponentFactory.of(NAME,
            "Chaney et al.'s utility world: "
                    + "Beta utilities around theta.beta, one pick per round by rank^attention * known utility",
            UtilityWorldParams.class, UtilityWorldParams.defaults(), params -> new UtilityWorldUserModel(params));

    private static final int QUERIES = WorkerScratch.FIRST_FREE + 4, DOTS = WorkerScratch.FIRST_FREE + 5;

    private final UtilityWorldParams params;
    private final boolean noisy;
    private World world;
    private long trueSeed;
    private long knownSeed;
    /** Cached true utilities per user, by item id; entries below {@code filled[u]} are valid. */
    private float[][] rows = new float[0][];
    private int[] filled = new int[0];
    private float[] invNorm = new float[0];

    public UtilityWorldUserModel(UtilityWorldParams params) {
        this.params = params;
        this.noisy = params.utilityVariance() > 0;
    }

    public UtilityWorldParams params() {
        return params;
    }

    @Override
    public void init(World w) {
        this.world = w;
    }

    @Override
    public void onUsersAdded(int from, int to, SplitMix rng) {
        if (from == 0) {
            // The first cohort's parameter stream derives from the run seed, so these two seeds do too.
            trueSeed = RandomStreams.mix(rng.nextLong() ^ 0x7472756555L);
            knownSeed = RandomStreams.mix(rng.nextLong() ^ 0x6B6E6F776EL);
        }
        if (to > filled.length) {
            int c = Math.max(to, filled.length * 3 / 2);
            rows = Arrays.copyOf(rows, c);
            filled = Arrays.copyOf(filled, c);
            invNorm = Arrays.copyOf(invNorm, c);
        }
        for (int u = from; u < to; u++) {
            rows[u] = new float[0];
            filled[u] = 0;
            refreshNorm(u);
        }
    }

    private void refreshNorm(int u) {
        if (!params.normalise()) {
            invNorm[u] = 1f;
            return;
        }
        int d = world.dims();
        float n = Vec.norm(world.users().prefs(), u * d, d);
        invNorm[u] = n > 0 ? 1f / n : 0f;
    }

    /** With no utility noise the true utility is the (normalised) preference vector times the item vector. */
    @Override
    public boolean linear() {
        return !noisy;
    }

    @Override
    public void weights(int user, float[] out, int off) {
        int d = world.dims();
        float s = invNorm[user];
        float[] prefs = world.users().prefs();
        for (int k = 0; k < d; k++) {
            out[off + k] = prefs[user * d + k] * s;
        }
    }

    @Override
    public int maxClicks() {
        return 1;
    }

    /** The mean of V_ui: θ_u·β_i (θ_u normalised when {@code normalise}). */
    public float meanUtility(int u, int item) {
        int d = world.dims();
        return Vec.dot(world.users().prefs(), u * d, world.items().vectors(), item * d, d) * invNorm[u];
    }

    @Override
    public float utility(int u, int item) {
        if (!noisy) {
            return meanUtility(u, item);
        }
        if ((long) world.users().count() * world.items().count() > CACHE_LIMIT) {
            return drawTrue(u, item, new SplitMix(0));
        }
        ensureRow(u, item + 1, null);
        return rows[u][item];
    }

    private float drawTrue(int u, int item, SplitMix rng) {
        rng.reseed(RandomStreams.seed(trueSeed, u, item));
        return (float) Dirichlet.beta(meanUtility(u, item), params.utilityVariance(), rng);
    }

    /** Fills user u's cached true utilities for item ids below {@code upTo}. Only calls for u touch row u. */
    private void ensureRow(int u, int upTo, WorkerScratch scratch) {
        if (filled[u] >= upTo) {
            return;
        }
        float[] row = rows[u];
        if (row.length < upTo) {
            row = Arrays.copyOf(row, Math.max(upTo, world.items().count()));
            rows[u] = row;
        }
        SplitMix rng = scratch == null ? new SplitMix(0) : scratch.rng();
        for (int i = filled[u]; i < upTo; i++) {
            row[i] = drawTrue(u, i, rng);
        }
        filled[u] = upTo;
    }

    /** Known utility: the true utility times the user's fixed Beta-noised share of it. */
    public float knownUtility(int u, int item, float trueUtility, SplitMix rng) {
        if (params.knownShare() == 1.0 && params.knownVariance() == 0) {
            return trueUtility;
        }
        rng.reseed(RandomStreams.seed(knownSeed, u, item));
        return (float) (trueUtility * Dirichlet.beta(params.knownShare(), params.knownVariance(), rng));
    }

    @Override
    public void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                              WorkerScratch scratch) {
        int n = live.liveCount();
        if (!noisy) {
            int d = world.dims();
            int nq = toUser - fromUser;
            float[] prefs = world.users().prefs();
            float[] q = scratch.floats(QUERIES, nq * d);
            for (int b = 0; b < nq; b++) {
                float s = invNorm[fromUser + b];
                for (int k = 0; k < d; k++) {
                    q[b * d + k] = prefs[(fromUser + b) * d + k] * s;
                }
            }
            if (outOff == 0) {
                Vec.dotBlockByDim(q, nq, live.liveVectorsByDim(), live.liveStride(), n, d, out, stride);
            } else {
                float[] dots = scratch.floats(DOTS, nq * n);
                Vec.dotBlockByDim(q, nq, live.liveVectorsByDim(), live.liveStride(), n, d, dots, n);
                for (int b = 0; b < nq; b++) {
                    System.arraycopy(dots, b * n, out, outOff + b * stride, n);
                }
            }
            return;
        }
        boolean cache = (long) world.users().count() * world.items().count() <= CACHE_LIMIT;
        int count = world.items().count();
        for (int u = fromUser; u < toUser; u++) {
            int off = outOff + (u - fromUser) * stride;
            if (cache) {
                ensureRow(u, count, scratch);
                float[] row = rows[u];
                for (int j = 0; j < n; j++) {
                    out[off + j] = row[live.liveItem(j)];
                }
            } else {
                SplitMix rng = scratch.rng();
                for (int j = 0; j < n; j++) {
                    out[off + j] = drawTrue(u, live.liveItem(j), rng);
                }
            }
        }
    }

    @Override
    public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
        int len = state.slateLength(u);
        if (len == 0) {
            return;
        }
        double a = params.attentionExponent();
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        float bestUtility = 0f;
        for (int p = 0; p < len; p++) {
            int item = state.slateItem(u, p);
            float v = utility(u, item);
            double value = (a == 0 ? 1.0 : Math.pow(p + 1, a)) * knownUtility(u, item, v, rng);
            if (value > bestValue) {
                bestValue = value;
                best = p;
                bestUtility = v;
            }
        }
        state.addClick(u, best, true, bestUtility);
    }

    @Override
    public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        double drift = params.drift();
        int clicks = state.clickCount(u);
        if (drift == 0 || clicks == 0) {
            return;
        }
        UserStore users = world.users();
        ItemStore items = world.items();
        int d = users.dims();
        float[] prefs = users.prefs();
        float[] vecs = items.vectors();
        float f = (float) drift;
        for (int c = 0; c < clicks; c++) {
            int io = state.clickItem(u, c) * d;
            for (int k = 0; k < d; k++) {
                prefs[u * d + k] += f * (vecs[io + k] - prefs[u * d + k]);
            }
        }
        filled[u] = 0;
        refreshNorm(u);
    }
}
