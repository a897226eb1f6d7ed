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
import org.receco.core.util.TopK;
import org.receco.core.world.ItemCatalog;

/**
 * Item-based collaborative filtering (Sarwar, Karypis, Konstan &amp; Riedl, "Item-Based Collaborative Filtering
 * Recommendation Algorithms", WWW 2001), with the top-N scoring of Deshpande &amp; Karypis ("Item-Based Top-N
 * Recommendation Algorithms", TOIS 2004).
 *
 * <p>Similarity is Sarwar's adjusted cosine: every rating is centred on its user's mean, {@code d_ui = r_ui −
 * r̄_u}, and {@code s_ij = Σ_u d_ui d_uj / (‖d_i‖ ‖d_j‖)} with the norms over all of each item's ratings, so
 * two items that share a single rater are not perfect neighbours. In a world without ratings every click counts
 * {@code d_ui = 1} and the same formula is the cosine of binary click vectors. Each item keeps its
 * {@code neighbours} most similar items among those live at training time with positive similarity (a bounded
 * heap). The score of live item {@code j} for user {@code u} is {@code Σ_{i ∈ H(u), j ∈ N(i)} s_ij · d_ui}
 * over the user's history {@code H(u)}; items no neighbour list reaches get tiny deterministic noise (per round
 * and user, of order 1e-6), so the kernel's tie-break does not hand everyone the same oldest items.
 * {@link #predict} gives Sarwar's weighted-sum rating, {@code r̄_u + Σ s_ij d_ui / Σ |s_ij|}.
 *
 * <p>Each retrain recomputes the neighbour lists from all feedback so far; the items' lists are independent and
 * are built on the run's workers, each writing only its own rows, so the model does not depend on the thread
 * count.
 */
public final class ItemKnnRecommender implements Recommender, PredictsRatings {
    public static final String NAME = "item-knn";

    private static final float JITTER = 1e-6f;
    private static final float UNIT = 0x1.0p-24f;
    private static final int CHUNK = 64;

    /** @param neighbours most similar items kept per item */
    public record Params(
            @Doc("Most similar items kept per item (the k of item-kNN).") @Range(min = 1, max = 1000)
            int neighbours) {
        public Params {
            Bounds.check(Params.class, "", neighbours);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "item-based kNN: adjusted cosine on ratings (cosine on clicks without ratings), top-k neighbours per item",
            Params.class, new Params(20), false, (params, truth) -> new ItemKnnRecommender(params));

    private final Params params;
    private final int k;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private long jitterSeed;
    private RatingRows rows = new RatingRows(true);
    private boolean ratings;
    private int round;

    private int users;
    private int items;
    /** Each user's mean rating (0 in click mode). */
    private float[] userMean = new float[0];
    /** Each item's norm of centred ratings. */
    private float[] itemNorm = new float[0];
    /** Item {@code i}'s neighbours at {@code [i*k, i*k + nbrCount[i])}, most similar first. */
    private int[] nbr = new int[0];
    private float[] nbrSim = new float[0];
    private int[] nbrCount = new int[0];
    /** Live position of each item id at the last {@link #beginRound}, -1 when not live. */
    private int[] livePos = new int[0];
    private boolean[] liveAtTraining = new boolean[0];

    public ItemKnnRecommender(Params params) {
        this.params = params;
        this.k = params.neighbours();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        this.ctx = ctx;
        catalog = ctx.catalog();
        jitterSeed = ctx.streams().streamSeed("rec.item-knn.jitter");
        rows = new RatingRows(true);
        users = 0;
        items = 0;
        nbrCount = new int[0];
        userMean = new float[0];
    }

    @Override
    public void beginRound(int round) {
        this.round = round;
        int count = catalog.count();
        if (livePos.length < count) {
            livePos = new int[Math.max(count, livePos.length * 2)];
        }
        Arrays.fill(livePos, 0, count, -1);
        for (int j = 0; j < catalog.liveCount(); j++) {
            livePos[catalog.liveItem(j)] = j;
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int n = catalog.liveCount();
        SplitMix rng = scratch.rng();
        int[] pos = livePos;
        for (int u = fromUser; u < toUser; u++) {
            int off = (u - fromUser) * stride;
            Arrays.fill(scores, off, off + n, 0f);
            if (u < users) {
                float mean = userMean[u];
                for (int p = rows.userStart(u), end = rows.userEnd(u); p < end; p++) {
                    int i = rows.userItem(p);
                    float w = weight(rows.userStars(p), mean);
                    if (w == 0f || i >= items) {
                        continue;
                    }
                    int o = i * k;
                    for (int t = 0; t < nbrCount[i]; t++) {
                        int j = nbr[o + t];
                        int lj = j < pos.length ? pos[j] : -1;
                        if (lj >= 0) {
                            scores[off + lj] += nbrSim[o + t] * w;
                        }
                    }
                }
            }
            rng.reseed(RandomStreams.seed(jitterSeed, round, u));
            for (int j = 0; j < n; j++) {
                if (scores[off + j] == 0f) {
                    scores[off + j] = (rng.nextLong() >>> 40) * UNIT * JITTER;
                }
            }
        }
    }

    /** A history entry's weight: its centred rating, or 1 for a click in click mode (unrated entries: 0). */
    private float weight(int stars, float mean) {
        if (!ratings) {
            return 1f;
        }
        return stars == 0 ? 0f : stars - mean;
    }

    @Override
    public void train(int round) {
        rows.ingest(ctx.feedback(), round, ctx.userCount(), catalog.count());
        users = rows.users();
        items = rows.items();
        ratings = rows.rated() > 0;
        userMean = new float[users];
        if (ratings) {
            for (int u = 0; u < users; u++) {
                double s = 0;
                int n = 0;
                for (int p = rows.userStart(u); p < rows.userEnd(u); p++) {
                    int r = rows.userStars(p);
                    if (r > 0) {
                        s += r;
                        n++;
                    }
                }
                userMean[u] = n == 0 ? 0f : (float) (s / n);
            }
        }
        itemNorm = new float[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int p = rows.itemStart(i); p < rows.itemEnd(i); p++) {
                float d = weight(rows.itemStars(p), userMean[rows.itemUser(p)]);
                s += d * d;
            }
            itemNorm[i] = (float) Math.sqrt(s);
        }
        liveAtTraining = new boolean[items];
        for (int i = 0; i < items; i++) {
            liveAtTraining[i] = catalog.isLive(i);
        }
        nbr = new int[items * k];
        nbrSim = new float[items * k];
        nbrCount = new int[items];
        ctx.forEach(items, CHUNK, (from, to, scratch) -> {
            float[] acc = scratch.floats(WorkerScratch.FIRST_FREE, items);
            float[] cand = scratch.floats(WorkerScratch.FIRST_FREE + 1, items);
            int[] touched = scratch.ints(WorkerScratch.FIRST_FREE, items);
            int[] seenBy = scratch.ints(WorkerScratch.FIRST_FREE + 1, items);
            int[] out = scratch.ints(WorkerScratch.FIRST_FREE + 2, k);
            Arrays.fill(acc, 0, items, 0f);
            Arrays.fill(seenBy, 0, items, -1);
            for (int i = from; i < to; i++) {
                neighboursOf(i, acc, cand, touched, seenBy, out, scratch.topK());
            }
        });
    }

    /**
     * Fills item {@code i}'s neighbour list from the co-ratings of its raters. {@code acc} is all zeros on
     * entry and left so; {@code seenBy[j] == i} marks a candidate already in {@code touched}.
     */
    private void neighboursOf(int i, float[] acc, float[] cand, int[] touched, int[] seenBy, int[] out, TopK top) {
        if (itemNorm[i] == 0f) {
            return;
        }
        int nt = 0;
        for (int p = rows.itemStart(i); p < rows.itemEnd(i); p++) {
            int u = rows.itemUser(p);
            float mean = userMean[u];
            float di = weight(rows.itemStars(p), mean);
            if (di == 0f) {
                continue;
            }
            for (int q = rows.userStart(u); q < rows.userEnd(u); q++) {
                int j = rows.userItem(q);
                if (j == i || !liveAtTraining[j]) {
                    continue;
                }
                float dj = weight(rows.userStars(q), mean);
                if (dj == 0f) {
                    continue;
                }
                if (seenBy[j] != i) {
                    seenBy[j] = i;
                    touched[nt++] = j;
                }
                acc[j] += di * dj;
            }
        }
        for (int t = 0; t < nt; t++) {
            int j = touched[t];
            float norm = itemNorm[i] * itemNorm[j];
            cand[t] = norm > 0f ? acc[j] / norm : 0f;
            acc[j] = 0f;
        }
        int m = top.select(cand, 0, nt, k, 0f, out);
        int o = i * k;
        for (int t = 0; t < m; t++) {
            nbr[o + t] = touched[out[t]];
            nbrSim[o + t] = cand[out[t]];
        }
        nbrCount[i] = m;
    }

    /** Sarwar's weighted sum over the user's rated neighbours of {@code item}; the user's mean without any. */
    @Override
    public double predict(int user, int item) {
        if (user >= users) {
            return rows.rated() == 0 ? 0 : rows.globalMean();
        }
        float mean = userMean[user];
        double num = 0;
        double den = 0;
        for (int p = rows.userStart(user); p < rows.userEnd(user); p++) {
            int i = rows.userItem(p);
            if (i >= items) {
                continue;
            }
            float w = weight(rows.userStars(p), mean);
            int o = i * k;
            for (int t = 0; t < nbrCount[i]; t++) {
                if (nbr[o + t] == item) {
                    num += nbrSim[o + t] * w;
                    den += Math.abs(nbrSim[o + t]);
                }
            }
        }
        return mean + (den > 0 ? num / den : 0);
    }

    /** Neighbour {@code t} of item {@code i} (most similar first), or -1 past the list; for tests. */
    int neighbour(int i, int t) {
        return i < items && t < nbrCount[i] ? nbr[i * k + t] : -1;
    }

    /** Similarity of item {@code i}'s neighbour {@code t}; for tests. */
    float similarity(int i, int t) {
        return nbrSim[i * k + t];
    }
}
