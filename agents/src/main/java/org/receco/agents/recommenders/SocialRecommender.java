package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.util.IntList;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.UserStore;

/**
 * Social filtering as in Chaney, Stewart &amp; Engelhardt, "How Algorithmic Confounding in Recommendation
 * Systems Increases Homogeneity and Decreases Utility" (RecSys 2018): an item's score for u is how often u's
 * friends consumed it. The friendship graph is public information that Chaney et al. build from thresholded
 * covariances of users' true preferences; so does this recommender, once, at {@link #init}: u and v are
 * friends when {@code cov(θ_u, θ_v)} is among the highest {@code edgeShare} of all user pairs. That is the
 * only ground truth it reads (the graph stands for a real social network, which correlates with taste);
 * scores come from the feedback log alone. The graph costs O(users² · d) once, so it is limited to
 * {@value #MAX_USERS} users.
 */
public final class SocialRecommender implements Recommender {
    public static final String NAME = "social";
    static final int MAX_USERS = 20_000;

    /** @param edgeShare share of user pairs that are friends */
    public record Params(
            @Doc("Share of user pairs linked in the social graph: those with the highest covariance of true preferences.")
            @Range(min = 0, max = 1) double edgeShare) {
        public Params {
            Bounds.check(Params.class, "", edgeShare);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "social filtering: items consumed by friends in a graph of thresholded preference covariance",
            Params.class, new Params(0.1), true, (params, truth) -> new SocialRecommender(params, truth)).withMaxUsers(MAX_USERS);

    private final Params params;
    private final GroundTruth truth;
    private ItemCatalog catalog;
    private FeedbackLog log;
    private int[][] friends = new int[0][];
    private IntList[] consumed = new IntList[0];
    private int cursor;

    public SocialRecommender(Params params, GroundTruth truth) {
        this.params = params;
        this.truth = truth;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        catalog = ctx.catalog();
        log = ctx.feedback();
        cursor = 0;
        buildGraph();
    }

    private void buildGraph() {
        UserStore users = truth.users();
        int n = users.count();
        if (n > MAX_USERS) {
            throw new IllegalArgumentException("social filtering builds an all-pairs graph; at most " + MAX_USERS
                    + " users, got " + n);
        }
        int d = users.dims();
        float[] prefs = users.prefs();
        double[] centred = new double[n * d];
        for (int u = 0; u < n; u++) {
            double mean = 0;
            for (int k = 0; k < d; k++) {
                mean += prefs[u * d + k];
            }
            mean /= d;
            for (int k = 0; k < d; k++) {
                centred[u * d + k] = prefs[u * d + k] - mean;
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        double[] cov = new double[(int) pairs];
        int p = 0;
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += centred[u * d + k] * centred[v * d + k];
                }
                cov[p++] = s / d;
            }
        }
        int keep = (int) Math.round(params.edgeShare() * pairs);
        double threshold = Double.POSITIVE_INFINITY;
        if (keep > 0) {
            double[] sorted = cov.clone();
            Arrays.sort(sorted);
            threshold = sorted[sorted.length - keep];
        }
        IntList[] adj = new IntList[n];
        for (int u = 0; u < n; u++) {
            adj[u] = new IntList();
        }
        p = 0;
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (cov[p++] >= threshold) {
                    adj[u].add(v);
                    adj[v].add(u);
                }
            }
        }
        friends = new int[n][];
        consumed = new IntList[n];
        for (int u = 0; u < n; u++) {
            friends[u] = adj[u].toArray();
            consumed[u] = new IntList();
        }
    }

    /** User u's row of the friendship graph's adjacency matrix (1 for a friend), as T-RECS's users_hat. */
    @Override
    public float[] userRepresentation(int u) {
        float[] row = new float[friends.length];
        if (u < friends.length) {
            for (int v : friends[u]) {
                row[v] = 1f;
            }
        }
        return row;
    }

    /** User u's friends (for tests and metrics). */
    public int[] friends(int u) {
        return u < friends.length ? friends[u].clone() : new int[0];
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int n = catalog.liveCount();
        for (int u = fromUser; u < toUser; u++) {
            int off = (u - fromUser) * stride;
            Arrays.fill(scores, off, off + n, 0f);
            if (u >= friends.length) {
                continue;
            }
            for (int v : friends[u]) {
                IntList items = consumed[v];
                int[] raw = items.raw();
                for (int q = 0; q < items.size(); q++) {
                    int j = catalog.liveIndexOf(raw[q]);
                    if (j >= 0) {
                        scores[off + j] += 1f;
                    }
                }
            }
        }
    }

    @Override
    public void train(int round) {
        int end = log.roundEnd(Math.min(round, log.rounds() - 1));
        for (int t = cursor; t < end; t++) {
            int u = log.user(t);
            if (u < consumed.length) {
                consumed[u].add(log.item(t));
            }
        }
        cursor = Math.max(cursor, end);
    }
}
