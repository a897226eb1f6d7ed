package org.receco.agents.users;

import java.util.Arrays;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStore;
import org.receco.core.world.UserStore;
import org.receco.core.world.World;

/**
 * SimuLine's latent-space user (Zhang et al., "Simulating News Recommendation Ecosystems", TCSS 2024).
 *
 * <ul>
 *   <li>Match is cosine(user, item).</li>
 *   <li>Clicks: {@code clicksPerRound} draws without replacement from softmax(concentration · cosine) over
 *       the slate.</li>
 *   <li>Utility of a clicked item is {@code w_q · quality / bestQuality + (1 − w_q) · cosine}; the click is
 *       liked when the utility exceeds the user's threshold.</li>
 *   <li>Interest shift: for each click, a step of {@code δ · exp(−concentration / utility)} toward the item
 *       if liked, away from it if not (no step when utility ≤ 0). The vector is then rescaled to its former
 *       length: the shift turns interests, it does not inflate them (moving away from disliked items would
 *       otherwise grow vectors without bound).</li>
 * </ul>
 * Per-user threshold, w_q and concentration are drawn from clipped normals as in SimuLine.
 */
public final class SimulineUserModel implements UserChoiceModel {
    public static final ComponentFactory<SimulineUserParams, UserChoiceModel> FACTORY =
            ComponentFactory.of("simuline",
            "SimuLine latent-space users: softmax clicks over cosine, quality/match likes, interest shift",
            SimulineUserParams.class, SimulineUserParams.defaults(), params -> new SimulineUserModel(params));

    private static final int WEIGHTS = WorkerScratch.FIRST_FREE, COSINES = WorkerScratch.FIRST_FREE + 1;
    private static final int PICKS = WorkerScratch.FIRST_FREE;
    private static final int UTILITY_QUERIES = WorkerScratch.FIRST_FREE + 4, UTILITY_DOTS = WorkerScratch.FIRST_FREE + 5;

    private final SimulineUserParams params;
    private World world;
    private float[] threshold = new float[0];
    private float[] qualityWeight = new float[0];
    private float[] concentration = new float[0];

    public SimulineUserModel(SimulineUserParams params) {
        this.params = params;
    }

    public SimulineUserParams params() {
        return params;
    }

    @Override
    public void init(World w) {
        this.world = w;
    }

    @Override
    public void onUsersAdded(int from, int to, SplitMix rng) {
        if (to > threshold.length) {
            int c = Math.max(to, threshold.length * 3 / 2);
            threshold = Arrays.copyOf(threshold, c);
            qualityWeight = Arrays.copyOf(qualityWeight, c);
            concentration = Arrays.copyOf(concentration, c);
        }
        for (int u = from; u < to; u++) {
            threshold[u] = (float) params.likeThreshold().sample(rng);
            qualityWeight[u] = (float) params.qualityWeight().sample(rng);
            concentration[u] = (float) params.concentration().sample(rng);
        }
    }

    @Override
    public int maxClicks() {
        return Math.max(1, params.clicksPerRound());
    }

    public float threshold(int u) {
        return threshold[u];
    }

    public float qualityWeight(int u) {
        return qualityWeight[u];
    }

    public float concentration(int u) {
        return concentration[u];
    }

    @Override
    public float utility(int u, int item) {
        ItemStore items = world.items();
        UserStore users = world.users();
        int d = users.dims();
        float cos = Vec.cosine(users.prefs(), u * d, items.vectors(), item * d, d);
        return utility(u, items.quality(item), cos);
    }

    /**
     * Blocked form: cosines of the block's normalised preference vectors with every live item by one
     * {@link Vec#dotBlockByDim} pass over the live vectors, then the quality term.
     */
    @Override
    public void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                              WorkerScratch scratch) {
        int d = world.dims();
        int nq = toUser - fromUser;
        int n = live.liveCount();
        float[] prefs = world.users().prefs();
        float[] q = scratch.floats(UTILITY_QUERIES, nq * d);
        for (int b = 0; b < nq; b++) {
            int o = (fromUser + b) * d;
            float norm = Vec.norm(prefs, o, d);
            float inv = norm == 0f ? 0f : 1f / norm;
            for (int k = 0; k < d; k++) {
                q[b * d + k] = prefs[o + k] * inv;
            }
        }
        float[] dots = scratch.floats(UTILITY_DOTS, nq * n);
        Vec.dotBlockByDim(q, nq, live.liveVectorsByDim(), live.liveStride(), n, d, dots, n);
        ItemStore items = world.items();
        float invBest = (float) (1.0 / params.bestQuality());
        for (int j = 0; j < n; j++) {
            int item = live.liveItem(j);
            float norm = items.norm(item);
            float invNorm = norm == 0f ? 0f : 1f / norm;
            float quality = items.quality(item) * invBest;
            for (int b = 0; b < nq; b++) {
                float wq = qualityWeight[fromUser + b];
                out[outOff + b * stride + j] = wq * quality + (1f - wq) * dots[b * n + j] * invNorm;
            }
        }
    }

    private float utility(int u, float quality, float cos) {
        float wq = qualityWeight[u];
        return (float) (wq * quality / params.bestQuality()) + (1f - wq) * cos;
    }

    @Override
    public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
        int len = state.slateLength(u);
        int clicks = Math.min(params.clicksPerRound(), len);
        if (clicks == 0) {
            return;
        }
        UserStore users = world.users();
        ItemStore items = world.items();
        int d = users.dims();
        float[] prefs = users.prefs();
        float[] vecs = items.vectors();
        float userNorm = Vec.norm(prefs, u * d, d);
        float conc = concentration[u];
        double[] weight = scratch.doubles(WEIGHTS, len);
        float[] cosine = scratch.floats(COSINES, len);
        float max = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < len; p++) {
            int item = state.slateItem(u, p);
            float n = userNorm * items.norm(item);
            float c = n == 0f ? 0f : Vec.dot(prefs, u * d, vecs, item * d, d) / n;
            cosine[p] = c;
            max = Math.max(max, conc * c);
        }
        double total = 0;
        for (int p = 0; p < len; p++) {
            // Subtracting the max keeps exp() in range for any concentration; kept at float precision.
            weight[p] = (float) Math.exp(conc * cosine[p] - max);
            total += weight[p];
        }
        int[] picks = scratch.ints(PICKS, clicks);
        int drawn = WeightedDraw.withoutReplacement(weight, len, total, clicks, rng, picks);
        for (int c = 0; c < drawn; c++) {
            int pick = picks[c];
            float util = utility(u, items.quality(state.slateItem(u, pick)), cosine[pick]);
            state.addClick(u, pick, util > threshold[u], util);
        }
    }

    @Override
    public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        int clicks = state.clickCount(u);
        if (clicks == 0 || params.interestStep() == 0) {
            return;
        }
        UserStore users = world.users();
        float[] prefs = users.prefs();
        float[] vecs = world.items().vectors();
        int d = users.dims();
        int off = u * d;
        float before = Vec.norm(prefs, off, d);
        float conc = concentration[u];
        for (int c = 0; c < clicks; c++) {
            float util = state.clickUtility(u, c);
            if (util <= 0f) {
                continue;
            }
            float step = (float) (params.interestStep() * Math.exp(-conc / util));
            if (!state.clickLiked(u, c)) {
                step = -step;
            }
            int io = state.clickItem(u, c) * d;
            for (int k = 0; k < d; k++) {
                prefs[off + k] += step * (vecs[io + k] - prefs[off + k]);
            }
        }
        float after = Vec.norm(prefs, off, d);
        if (after > 0f && before > 0f) {
            float scale = before / after;
            for (int k = 0; k < d; k++) {
                prefs[off + k] *= scale;
            }
        }
    }
}
