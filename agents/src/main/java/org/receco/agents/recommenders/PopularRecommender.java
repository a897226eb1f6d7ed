package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.world.ItemCatalog;

/**
 * Most-popular: every user gets the same ranking, by how many likes (or clicks) each item received in the
 * last {@code window} rounds. The non-personalised baseline whose feedback loop concentrates exposure
 * (the "popularity bias" of SimuLine's loop; Abdollahpouri et al., "Managing Popularity Bias in
 * Recommender Systems with Personalized Re-ranking", FLAIRS 2019).
 *
 * <p>Counts are kept per item id and maintained incrementally: {@link #train} adds the rounds logged since
 * the last call, {@link #beginRound} subtracts the rounds that left the window. So the counts follow the
 * kernel's training interval (as a platform refreshes its charts when it retrains) while the window still
 * forgets on time. Invariant: {@code counts} is the sum over the votes the {@link FeedbackWindow} keeps, which
 * are those read of rounds {@code lo} and later (with {@code window = 0} they are counted and forgotten at once).
 * Ties are left to the kernel, which prefers older items; nothing random is added.
 */
public final class PopularRecommender implements Recommender {
    public static final String NAME = "popular";

    /**
     * @param signal what counts as a vote for an item
     * @param window rounds of feedback counted, ending with the latest trained round; 0 = all history
     */
    public record Params(
            @Doc("What counts as a vote for an item: likes or clicks.") FeedbackSignal signal,
            @Doc("Rounds of feedback counted, ending with the latest trained round; 0 = all history.")
            @Range(min = 0, max = 1_000_000) int window) {
        public Params {
            if (signal == null) {
                throw new IllegalArgumentException("signal is required (likes, clicks or rating4)");
            }
            Bounds.check(Params.class, "", signal, window);
        }
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "most liked (or clicked) items of the last few rounds, the same for every user",
            Params.class, new Params(FeedbackSignal.likes, 5), false,
            (params, truth) -> new PopularRecommender(params));

    private final Params params;
    private RecommenderContext ctx;
    private ItemCatalog catalog;
    private int[] counts = new int[1024];
    /** Votes read and counted, of rounds {@code lo} and later. */
    private FeedbackWindow votes;
    /** First round inside the window. */
    private int lo;
    /** This round's scores by live index, shared by every user. */
    private float[] liveScores = new float[0];

    public PopularRecommender(Params params) {
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
        Arrays.fill(counts, 0);
        votes = new FeedbackWindow(params.signal());
        lo = 0;
    }

    @Override
    public void beginRound(int round) {
        if (params.window() > 0) {
            lo = Math.max(lo, round - params.window());
            for (int t = 0, end = votes.firstOfRound(lo); t < end; t++) {
                counts[votes.item(t)]--;
            }
            votes.dropBefore(lo);
        }
        int n = catalog.liveCount();
        if (liveScores.length < n) {
            liveScores = new float[Math.max(n, liveScores.length * 2)];
        }
        for (int j = 0; j < n; j++) {
            int item = catalog.liveItem(j);
            liveScores[j] = item < counts.length ? counts[item] : 0;
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        int n = catalog.liveCount();
        for (int u = fromUser; u < toUser; u++) {
            System.arraycopy(liveScores, 0, scores, (u - fromUser) * stride, n);
        }
    }

    @Override
    public void train(int round) {
        for (int t = votes.read(ctx.feedback(), round); t < votes.size(); t++) {
            if (votes.round(t) >= lo) {
                int item = votes.item(t);
                if (item >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(item + 1, counts.length * 2));
                }
                counts[item]++;
            }
        }
        // Votes of rounds that left the window before they were read are never counted (they are a prefix:
        // every vote kept is of round lo or later); without a window nothing is ever subtracted.
        votes.dropBefore(params.window() > 0 ? lo : Integer.MAX_VALUE);
    }

    /** Votes counted for {@code item} in the current window. */
    public int count(int item) {
        return item < counts.length ? counts[item] : 0;
    }
}
