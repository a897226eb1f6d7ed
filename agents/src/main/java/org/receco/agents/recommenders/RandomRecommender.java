package org.receco.agents.recommenders;

import org.receco.core.config.Doc;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.world.ItemCatalog;

/**
 * Uniformly random scores: the no-information baseline, and how SimuLine seeds its first rounds.
 *
 * <p>The scores of user {@code u} in round {@code r} are the draws of stream {@code rec.random} seeded by
 * {@code (r, u)}, so they depend on the root seed, the round, the user and the live set only, never on
 * thread count or block boundaries. It learns nothing.
 */
public final class RandomRecommender implements Recommender {
    public static final String NAME = "random";

    /** No parameters. */
    @Doc("The random recommender takes no parameters.")
    public record Params() {
    }

    public static final RecommenderFactory<Params> FACTORY = RecommenderFactory.of(NAME,
            "uniformly random scores per round and user (no-information baseline)",
            Params.class, new Params(), false, (params, truth) -> new RandomRecommender());

    /** 2^-24: scales a 24-bit integer to a float in [0, 1), every value exactly representable. */
    private static final float UNIT = 0x1.0p-24f;

    private ItemCatalog catalog;
    private long streamSeed;
    private int round;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(RecommenderContext ctx) {
        catalog = ctx.catalog();
        streamSeed = ctx.streams().streamSeed("rec.random");
    }

    @Override
    public void beginRound(int round) {
        this.round = round;
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        SplitMix rng = scratch.rng();
        int n = catalog.liveCount();
        for (int u = fromUser; u < toUser; u++) {
            rng.reseed(RandomStreams.seed(streamSeed, round, u));
            int off = (u - fromUser) * stride;
            for (int j = 0; j < n; j++) {
                scores[off + j] = (rng.nextLong() >>> 40) * UNIT;
            }
        }
    }

    @Override
    public void train(int round) {
    }
}
