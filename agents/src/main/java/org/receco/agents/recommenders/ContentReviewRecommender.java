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
import org.receco.core.world.ReviewLog;

/**
 * A review-aware content recommender, the kind of victim Gu et al. (2025, "LLM-Based User Simulation for
 * Low-Knowledge Shilling Attacks on Recommender Systems") sway by writing a target's features into reviews of
 * other items. An item's features are its catalog vector and the TF-IDF of all reviews written about it
 * (hashed bag of words, {@link ReviewTerms}; {@code tf} damped as {@code 1 + ln tf}, {@code idf = ln((1 + N) /
 * (1 + df))} over the N reviewed items), each part scaled to unit length, weighted {@code 1 − textWeight} and
 * {@code textWeight}, and the whole scaled to unit length (an item nobody reviewed is its catalog vector). A
 * user's profile is the normalised sum of the features of the items they gave positive feedback (by default:
 * rated 4 or 5), and an item's score is the cosine between profile and features, as in content-based
 * filtering (Pazzani &amp; Billsus 2007). Users without positive feedback get tiny deterministic noise, as in
 * {@code content}.
 *
 * <p>Each retrain reads new reviews and feedback from cursors, recomputes every item's features (IDF moves with
 * each review) and then every profile, per user on the run's workers, each writing only its own row.
 */
public final class ContentReviewRecommender implements Recommender {
    public static final String NAME = "content-review";

    private static final float JITTER = 1e-6f;
    private static final float UNIT = 0x1.0p-24f;
    private static final int CHUNK = 64;

    /**
     * @param signal     which logged clicks enter the profile
     * @param buckets    hashed term buckets of the review text features
     * @param textWeight weight of the review text against the catalog vector
     */
    public record Params(
            @Doc("Which logged clicks enter a user's profile: likes, clicks or rating4 (rated 4-5).")
            FeedbackSignal signal,
            @Doc("Hash buckets of the review bag of words (feature hashing).") @Range(min = 1, max = 65536)
            int buckets,
            @Doc("Weight of an item's review text against its catalog vector, 0 (content only) to 1 (text only).")
            @Range(min = 0, max = 1) double textWeight) {
        public Params {
            if (signal == null) {
                throw new IllegalArgumentException("signal is required (likes, clicks or rating4)");
            }
            Bounds.check(Params.class, "", signal, buckets, textWeight);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "content-based on item vectors plus TF-IDF of the item's review text; profile from well-rated items",
            Params.class, new Params(FeedbackSignal.rating4, 256, 0.5), false,
            (params, truth) -> new ContentReviewRecommender(params));

    private final Params params;
    private final int h;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private ReviewLog reviews;
    private int d;
    private int width;
    private long jitterSeed;
    private int round;

    /** Raw term counts of each item's reviews, item {@code i} at {@code [i*h, i*h+h)}. */
    private float[] termCounts = new float[0];
    /** Items whose reviews contain each bucket. */
    private int[] docFreq;
    private float[] idf;
    private boolean[] reviewed = new boolean[0];
    private int reviewedItems;
    private int items;
    /** Items below this id have features; newer ones are given theirs (catalog vector only) at round start. */
    private int featured;
    private int reviewCursor;
    /** Item features, item {@code i} at {@code [i*width, i*width+width)}: unit length. */
    private float[] features = new float[0];
    private float[] liveFeatures = new float[0];

    /** Positive feedback in log order. */
    private FeedbackWindow positives;
    private int[] userStart = new int[1];
    private int[] userItems = new int[0];
    private float[] profiles = new float[0];
    private boolean[] warm = new boolean[0];
    private int users;

    public ContentReviewRecommender(Params params) {
        this.params = params;
        this.h = params.buckets();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        this.ctx = ctx;
        catalog = ctx.catalog();
        reviews = ctx.reviews();
        d = catalog.dims();
        width = d + h;
        jitterSeed = ctx.streams().streamSeed("rec.content-review.jitter");
        termCounts = new float[0];
        docFreq = new int[h];
        idf = new float[h];
        featured = 0;
        reviewed = new boolean[0];
        reviewedItems = 0;
        items = 0;
        reviewCursor = 0;
        features = new float[0];
        positives = new FeedbackWindow(params.signal());
        profiles = new float[0];
        warm = new boolean[0];
        users = 0;
        ensureItems(catalog.count());
        ensureUsers(ctx.userCount());
    }

    @Override
    public void beginRound(int round) {
        this.round = round;
        ensureItems(catalog.count());
        ensureUsers(ctx.userCount());
        for (int i = featured; i < items; i++) {
            feature(i);
        }
        featured = items;
        int n = catalog.liveCount();
        if (liveFeatures.length < n * width) {
            liveFeatures = new float[Math.max(n * width, liveFeatures.length + (liveFeatures.length >> 1))];
        }
        for (int j = 0; j < n; j++) {
            System.arraycopy(features, catalog.liveItem(j) * width, liveFeatures, j * width, width);
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int n = catalog.liveCount();
        int nq = toUser - fromUser;
        float[] q = scratch.floats(WorkerScratch.FIRST_FREE, nq * width);
        System.arraycopy(profiles, fromUser * width, q, 0, nq * width);
        Vec.dotBlock(q, nq, liveFeatures, n, width, scores, stride);
        SplitMix rng = scratch.rng();
        for (int u = fromUser; u < toUser; u++) {
            if (!warm[u]) {
                int off = (u - fromUser) * stride;
                rng.reseed(RandomStreams.seed(jitterSeed, round, u));
                for (int j = 0; j < n; j++) {
                    scores[off + j] = (rng.nextLong() >>> 40) * UNIT * JITTER;
                }
            }
        }
    }

    @Override
    public void train(int round) {
        ensureItems(catalog.count());
        ensureUsers(ctx.userCount());
        readReviews(round);
        computeFeatures();
        readFeedback(round);
        ctx.forEach(users, CHUNK, (from, to, scratch) -> {
            for (int u = from; u < to; u++) {
                buildProfile(u);
            }
        });
    }

    private void readReviews(int round) {
        int n = reviews.size();
        int k = reviewCursor;
        for (; k < n && reviews.round(k) <= round; k++) {
            int item = reviews.item(k);
            ensureItems(item + 1);
            if (!reviewed[item]) {
                reviewed[item] = true;
                reviewedItems++;
            }
            int o = item * h;
            ReviewTerms.forEach(reviews.text(k), h, b -> {
                if (termCounts[o + b] == 0f) {
                    docFreq[b]++;
                }
                termCounts[o + b] += 1f;
            });
        }
        reviewCursor = k;
    }

    /** Rebuilds every item's unit feature vector from its catalog vector and current TF-IDF. */
    private void computeFeatures() {
        for (int b = 0; b < h; b++) {
            idf[b] = (float) Math.log((1.0 + reviewedItems) / (1.0 + docFreq[b]));
        }
        for (int i = 0; i < items; i++) {
            feature(i);
        }
        featured = items;
    }

    /** Item {@code i}'s features from its catalog vector and term counts under the current {@link #idf}. */
    private void feature(int i) {
        float textW = (float) params.textWeight();
        int fo = i * width;
        boolean known = i < catalog.count();
        float norm = known ? catalog.norm(i) : 0f;
        float cs = norm > 0f ? (1f - textW) / norm : 0f;
        float[] vecs = catalog.vectors();
        for (int x = 0; x < d; x++) {
            features[fo + x] = known ? vecs[i * d + x] * cs : 0f;
        }
        int to = i * h;
        double tn = 0;
        for (int b = 0; b < h; b++) {
            float tf = termCounts[to + b];
            float v = tf > 0f ? (float) (1 + Math.log(tf)) * idf[b] : 0f;
            features[fo + d + b] = v;
            tn += (double) v * v;
        }
        float ts = tn > 0 ? (float) (textW / Math.sqrt(tn)) : 0f;
        for (int b = 0; b < h; b++) {
            features[fo + d + b] *= ts;
        }
        float all = Vec.norm(features, fo, width);
        if (all > 0f) {
            float inv = 1f / all;
            for (int x = 0; x < width; x++) {
                features[fo + x] *= inv;
            }
        }
    }

    /** Appends the positives logged since the last call and re-indexes them by user (log order kept). */
    private void readFeedback(int round) {
        positives.read(ctx.feedback(), round);
        ensureUsers(positives.userBound());
        ensureItems(positives.itemBound());
        int m = positives.size();
        if (userItems.length < m) {
            userItems = new int[Math.max(m, userItems.length + (userItems.length >> 1))];
        }
        userStart = positives.byUser(users, userStart, userItems, null);
    }

    private void buildProfile(int u) {
        int o = u * width;
        Arrays.fill(profiles, o, o + width, 0f);
        int from = userStart[u];
        int to = userStart[u + 1];
        for (int p = from; p < to; p++) {
            int fo = userItems[p] * width;
            for (int x = 0; x < width; x++) {
                profiles[o + x] += features[fo + x];
            }
        }
        float norm = Vec.norm(profiles, o, width);
        warm[u] = norm > 0f;
        if (norm > 0f) {
            float inv = 1f / norm;
            for (int x = 0; x < width; x++) {
                profiles[o + x] *= inv;
            }
        }
    }

    private void ensureItems(int n) {
        if (n <= items) {
            return;
        }
        if (reviewed.length < n) {
            int c = Math.max(n, items + (items >> 1));
            termCounts = Arrays.copyOf(termCounts, c * h);
            features = Arrays.copyOf(features, c * width);
            reviewed = Arrays.copyOf(reviewed, c);
        }
        items = n;
    }

    private void ensureUsers(int n) {
        if (n <= users) {
            return;
        }
        if (warm.length < n) {
            int c = Math.max(n, users + (users >> 1));
            profiles = Arrays.copyOf(profiles, c * width);
            warm = Arrays.copyOf(warm, c);
        }
        users = n;
    }
}
