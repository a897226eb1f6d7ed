package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.config.Doc;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.UserStore;
import org.receco.core.world.UtilityFunction;

/**
 * The upper bound: ranks items by each user's true utility, as defined by the user model in force. No
 * platform can do this; it shows how far a learned recommender is from perfect knowledge (the "ideal"
 * recommender of Chaney, Stewart &amp; Engelhardt, "How Algorithmic Confounding in Recommendation Systems
 * Increases Homogeneity and Decreases Utility", RecSys 2018). It is the only recommender handed the
 * {@link GroundTruth}, and it learns nothing: the truth already moves with the users.
 */
public final class OracleRecommender implements Recommender {
    public static final String NAME = "oracle";

    /** No parameters. */
    @Doc("The oracle takes no parameters.")
    public record Params() {
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "ranks by each user's true utility (upper bound; reads the ground truth)",
            Params.class, new Params(), true, (params, truth) -> new OracleRecommender(truth));

    private final GroundTruth truth;
    private ItemCatalog catalog;
    /** Item ids of the live set, so the hot loop reads an array rather than calling through the catalog. */
    private int[] liveItems = new int[0];
    private int liveVersion = Integer.MIN_VALUE;

    public OracleRecommender(GroundTruth truth) {
        this.truth = truth;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        catalog = ctx.catalog();
        liveVersion = Integer.MIN_VALUE;
    }

    @Override
    public void beginRound(int round) {
        if (catalog.liveVersion() != liveVersion) {
            int n = catalog.liveCount();
            if (liveItems.length < n) {
                liveItems = new int[Math.max(n, liveItems.length + (liveItems.length >> 1))];
            }
            for (int j = 0; j < n; j++) {
                liveItems[j] = catalog.liveItem(j);
            }
            liveVersion = catalog.liveVersion();
        }
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        // Read once per call: the kernel installs the utility function after creating the world.
        truth.utility().utilityOfLive(fromUser, toUser, catalog, scores, 0, stride, scratch);
    }

    @Override
    public void train(int round) {
    }

    /** User u's true preference vector: the oracle's representation is the truth. */
    @Override
    public float[] userRepresentation(int u) {
        UserStore users = truth.users();
        int d = users.dims();
        return u < users.count() ? Arrays.copyOfRange(users.prefs(), u * d, u * d + d) : new float[d];
    }
}
