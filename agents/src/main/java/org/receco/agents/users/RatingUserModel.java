package org.receco.agents.users;

import java.util.Arrays;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.LinearScores;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.World;

/**
 * Genuine users of a rating world. They consume as the users of Chaney, Stewart &amp; Engelhardt's utility world
 * (RecSys 2018) do, picking the best {@code clicksPerRound} items of their slate by rank-weighted known utility,
 * and rate each on the MovieLens 1–5 scale (Harper &amp; Konstan, TiiS 2015):
 *
 * <pre>  rating = clamp(round(1 + 4 (match − matchLow) / (matchHigh − matchLow) + bias_u + noise), 1, 5)</pre>
 *
 * where {@code match} is the cosine of the user's true preferences and the item's vector (a utility normalised
 * to the space, so the scale does not depend on the space's dimension), {@code bias_u ~ N(0, biasSd)} is drawn
 * once per user (lenient and harsh raters) and {@code noise ~ N(0, noiseSd)} per rating. A rating of at least
 * {@code likeAtLeast} is a like. With {@code reviewShare > 0} a rating comes with a short template review whose
 * words follow the stars ({@link ReviewTemplates}).
 *
 * <p>These are the genuine users whose ratings shilling attacks (Lam &amp; Riedl, WWW 2004) try to outweigh.
 */
public final class RatingUserModel implements UserChoiceModel, LinearScores {
    public static final String NAME = "rating";

    public static final ComponentFactory<RatingUserParams, UserChoiceModel> FACTORY = ComponentFactory.of(NAME,
            "rating world: utility-world consumption, each pick rated 1-5 = round(match on the scale + "
                    + "per-user bias + noise), optional template reviews",
            RatingUserParams.class, RatingUserParams.defaults(), RatingUserModel::new);

    private static final int VALUES = WorkerScratch.FIRST_FREE + 6;

    private final RatingUserParams params;
    private final UtilityWorldUserModel consumption;
    private World world;
    private long noiseSeed;
    private float[] bias = new float[0];

    public RatingUserModel(RatingUserParams params) {
        this.params = params;
        this.consumption = new UtilityWorldUserModel(params.consumption());
    }

    public RatingUserParams params() {
        return params;
    }

    @Override
    public void init(World w) {
        this.world = w;
        consumption.init(w);
    }

    @Override
    public boolean rates() {
        return true;
    }

    @Override
    public boolean writesReviews() {
        return params.reviewShare() > 0;
    }

    @Override
    public void onUsersAdded(int from, int to, SplitMix rng) {
        consumption.onUsersAdded(from, to, rng);
        if (from == 0) {
            noiseSeed = RandomStreams.mix(rng.nextLong() ^ 0x7261746573L);
        }
        if (to > bias.length) {
            bias = Arrays.copyOf(bias, Math.max(to, bias.length * 3 / 2));
        }
        for (int u = from; u < to; u++) {
            bias[u] = (float) (rng.nextGaussian() * params.biasSd());
        }
    }

    /** User {@code u}'s rating bias in stars. */
    public float bias(int u) {
        return bias[u];
    }

    @Override
    public int maxClicks() {
        return params.clicksPerRound();
    }

    @Override
    public boolean linear() {
        return consumption.linear();
    }

    @Override
    public void weights(int user, float[] out, int off) {
        consumption.weights(user, out, off);
    }

    @Override
    public float utility(int u, int item) {
        return consumption.utility(u, item);
    }

    @Override
    public void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                              WorkerScratch scratch) {
        consumption.utilityOfLive(fromUser, toUser, live, out, outOff, stride, scratch);
    }

    /** Cosine of user {@code u}'s true preferences and {@code item}'s vector (0 for a zero vector). */
    public float match(int u, int item) {
        int d = world.dims();
        float[] prefs = world.users().prefs();
        float nu = Vec.norm(prefs, u * d, d);
        float ni = world.items().norm(item);
        if (nu == 0 || ni == 0) {
            return 0f;
        }
        return Vec.dot(prefs, u * d, world.items().vectors(), item * d, d) / (nu * ni);
    }

    /** The stars for a match of {@code match} from a user with bias {@code bias} and this rating's noise. */
    static int stars(double match, double low, double high, double bias, double noise) {
        double s = 1 + 4 * (match - low) / (high - low) + bias + noise;
        return (int) Math.max(1, Math.min(5, Math.round(s)));
    }

    @Override
    public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
        int len = state.slateLength(u);
        if (len == 0) {
            return;
        }
        double a = params.attentionExponent();
        float[] value = scratch.floats(VALUES, 2 * len);
        for (int p = 0; p < len; p++) {
            int item = state.slateItem(u, p);
            float v = consumption.utility(u, item);
            value[len + p] = v;
            value[p] = (float) ((a == 0 ? 1.0 : Math.pow(p + 1, a)) * consumption.knownUtility(u, item, v, rng));
        }
        rng.reseed(RandomStreams.seed(noiseSeed, state.round(), u));
        int picks = Math.min(params.clicksPerRound(), len);
        for (int c = 0; c < picks; c++) {
            int best = -1;
            for (int p = 0; p < len; p++) {
                if (!Float.isNaN(value[p]) && (best < 0 || value[p] > value[best])) {
                    best = p;
                }
            }
            value[best] = Float.NaN;
            int item = state.slateItem(u, best);
            int s = stars(match(u, item), params.matchLow(), params.matchHigh(), bias[u],
                    rng.nextGaussian() * params.noiseSd());
            state.addClick(u, best, s >= params.likeAtLeast(), value[len + best], s);
            if (params.reviewShare() > 0 && rng.nextBoolean(params.reviewShare())) {
                state.setClickReview(u, state.clickCount(u) - 1,
                        ReviewTemplates.genuine(s, world.items().topic(item), rng));
            }
        }
    }

    @Override
    public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        consumption.updateInterest(u, state, scratch);
    }
}
