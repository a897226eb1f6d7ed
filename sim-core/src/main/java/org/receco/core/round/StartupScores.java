package org.receco.core.round;

import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.Recommender;
import org.receco.core.world.ItemCatalog;

/**
 * What the match channel ranks by during start-up rounds ({@code KernelConfig.startupRounds}): uniformly
 * random scores per (round, user) from stream {@code slate.startup}, so every user is shown random items
 * before the recommender has learnt anything (T-RECS's {@code startup}; Chaney, Stewart &amp; Engelhardt,
 * RecSys 2018).
 */
public final class StartupScores implements Recommender {
    private static final float UNIT = 0x1.0p-24f;
    private final ItemCatalog catalog;
    private final long seed;
    private int round;

    public StartupScores(ItemCatalog catalog, RandomStreams streams) {
        this.catalog = catalog;
        this.seed = streams.streamSeed("slate.startup");
    }

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void beginRound(int r) {
        round = r;
    }

    @Override
    public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
        SplitMix rng = scratch.rng();
        int n = catalog.liveCount();
        for (int u = fromUser; u < toUser; u++) {
            rng.reseed(RandomStreams.seed(seed, round, u));
            int off = (u - fromUser) * stride;
            for (int j = 0; j < n; j++) {
                scores[off + j] = (rng.nextLong() >>> 40) * UNIT;
            }
        }
    }

    @Override
    public void train(int r) {
    }
}
