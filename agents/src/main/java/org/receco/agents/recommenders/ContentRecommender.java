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
import org.receco.core.util.IntList;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;

/**
 * Content-based filtering (Pazzani &amp; Billsus, "Content-Based Recommendation Systems", The Adaptive Web,
 * 2007): a user's profile is the mean of the content vectors of the items they gave positive feedback to,
 * and an item's score is the cosine between profile and item vector.
 *
 * <p>With {@code decay < 1} the mean is exponentially decayed per round: feedback from {@code a} rounds ago
 * weighs {@code decay^a}, so the profile follows drifting interests. Since cosine ignores the profile's
 * length, the profile is kept as an unnormalised decayed sum and decayed lazily (only when the user next gives
 * feedback), which yields the same direction. Users without positive feedback get scores of tiny
 * deterministic noise (per round and user, of order 1e-6) instead of all zeros, so the kernel's tie-break does
 * not hand every cold user the same oldest items.
 *
 * <p>Training reads the feedback log from a cursor, so each entry is processed once.
 */
public final class ContentRecommender implements Recommender {
    public static final String NAME = "content";

    /** Amplitude of the cold-user noise: far below any cosine difference a warm profile produces. */
    private static final float JITTER = 1e-6f;
    private static final float UNIT = 0x1.0p-24f;

    /**
     * @param signal which logged clicks enter the profile
     * @param decay  weight per round of age of a feedback entry; 1 = plain mean of all history
     */
    public record Params(
            @Doc("Which logged clicks enter a user's profile: likes (liked clicks), clicks (every click) or rating4.")
            FeedbackSignal signal,
            @Doc("Per-round decay of past feedback in the profile mean; 1 = plain mean, 0 = latest round only.")
            @Range(min = 0, max = 1) double decay) {
        public Params {
            if (signal == null) {
                throw new IllegalArgumentException("signal is required (likes, clicks or rating4)");
            }
            Bounds.check(Params.class, "", signal, decay);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "cosine between an item and the (decayed) mean of the items a user liked",
            Params.class, new Params(FeedbackSignal.likes, 1.0), false,
            (params, truth) -> new ContentRecommender(params));

    private final Params params;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private int d;
    private long jitterSeed;

    /** Decayed sums of positive item vectors; user {@code u} at {@code [u*d, u*d+d)}. */
    private float[] sums = new float[0];
    /** The sums scaled to unit length (all zeros for cold users); what scoring reads. */
    private float[] profiles = new float[0];
    /** Round of each user's latest ingested positive feedback, -1 for none. */
    private int[] lastRound = new int[0];
    private int users;
    /** Positives read but not yet added to the sums. */
    private FeedbackWindow positives;
    private final IntList touched = new IntList();
    private boolean[] isTouched = new boolean[0];

    /** 1/norm of each live item's vector (0 for a zero vector), valid for {@link #normVersion}. */
    private float[] liveInvNorm = new float[0];
    private int normVersion = Integer.MIN_VALUE;
    private int round;

    public ContentRecommender(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        this.ctx = ctx;
        catalog = ctx.catalog();
        d = catalog.dims();
        jitterSeed = ctx.streams().streamSeed("rec.content.jitter");
        sums = new float[0];
        profiles = new float[0];
        lastRound = new int[0];
        isTouched = new boolean[0];
        users = 0;
        positives = new FeedbackWindow(params.signal());
        normVersion = Integer.MIN_VALUE;
        ensureUsers(ctx.userCount());
    }

    @Override
    public void beginRound(int round) {
        this.round = round;
        ensureUsers(ctx.userCount());
        if (catalog.liveVersion() != normVersion) {
            int n = catalog.liveCount();
            if (liveInvNorm.length < n) {
                liveInvNorm = new float[Math.max(n, liveInvNorm.length * 2)];
            }
            for (int j = 0; j < n; j++) {
                float norm = catalog.norm(catalog.liveItem(j));
                liveInvNorm[j] = norm > 0f ? 1f / norm : 0f;
            }
            normVersion = catalog.liveVersion();
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int n = catalog.liveCount();
        int nq = toUser - fromUser;
        float[] q = scratch.floats(WorkerScratch.FIRST_FREE, nq * d);
        System.arraycopy(profiles, fromUser * d, q, 0, nq * d);
        Vec.dotBlockByDim(q, nq, catalog.liveVectorsByDim(), catalog.liveStride(), n, d, scores, stride);
        float[] inv = liveInvNorm;
        SplitMix rng = scratch.rng();
        for (int u = fromUser; u < toUser; u++) {
            int off = (u - fromUser) * stride;
            if (lastRound[u] >= 0) {
                for (int j = 0; j < n; j++) {
                    scores[off + j] *= inv[j];
                }
            } else {
                rng.reseed(RandomStreams.seed(jitterSeed, round, u));
                for (int j = 0; j < n; j++) {
                    scores[off + j] = (rng.nextLong() >>> 40) * UNIT * JITTER;
                }
            }
        }
    }

    @Override
    public void train(int round) {
        ensureUsers(ctx.userCount());
        float[] vecs = catalog.vectors();
        double decay = params.decay();
        for (int t = positives.read(ctx.feedback(), round); t < positives.size(); t++) {
            int u = positives.user(t);
            if (u >= users) {
                ensureUsers(u + 1);
            }
            int r = positives.round(t);
            int uo = u * d;
            if (lastRound[u] >= 0 && r != lastRound[u] && decay < 1.0) {
                float f = (float) Math.pow(decay, r - lastRound[u]);
                for (int x = 0; x < d; x++) {
                    sums[uo + x] *= f;
                }
            }
            lastRound[u] = r;
            int io = positives.item(t) * d;
            for (int x = 0; x < d; x++) {
                sums[uo + x] += vecs[io + x];
            }
            if (!isTouched[u]) {
                isTouched[u] = true;
                touched.add(u);
            }
        }
        positives.dropBefore(round + 1);
        for (int t = 0; t < touched.size(); t++) {
            int u = touched.get(t);
            isTouched[u] = false;
            int uo = u * d;
            float norm = Vec.norm(sums, uo, d);
            float inv = norm > 0f ? 1f / norm : 0f;
            for (int x = 0; x < d; x++) {
                profiles[uo + x] = sums[uo + x] * inv;
            }
        }
        touched.clear();
    }

    private void ensureUsers(int n) {
        if (n > lastRound.length) {
            int c = Math.max(n, lastRound.length * 2);
            sums = Arrays.copyOf(sums, c * d);
            profiles = Arrays.copyOf(profiles, c * d);
            isTouched = Arrays.copyOf(isTouched, c);
            int old = lastRound.length;
            lastRound = Arrays.copyOf(lastRound, c);
            Arrays.fill(lastRound, old, c, -1);
        }
        users = Math.max(users, n);
    }
}
