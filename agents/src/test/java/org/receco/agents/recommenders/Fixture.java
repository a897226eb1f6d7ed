package org.receco.agents.recommenders;

import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.WorkerPool;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.util.Vec;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * A hand-built world for recommender tests and the context a recommender sees of it. Rounds are opened
 * explicitly; the ground-truth utility is the cosine between a user's preference and an item's vector.
 */
final class Fixture implements RecommenderContext {
    final World world;
    private final RandomStreams streams;
    private int round;
    private WorkerPool pool;

    Fixture(int dims, long seed) {
        float[] centres = new float[2 * dims];
        centres[0] = 1f;
        centres[dims + 1] = 1f;
        world = new World(new LatentSpace(dims, centres), 4, 4, 16);
        streams = new RandomStreams(seed);
        world.setUtility((u, i) -> Vec.cosine(world.users().prefs(), u * dims, world.items().vectors(),
                i * dims, dims));
        world.feedback().beginRound(0);
    }

    int dims() {
        return world.dims();
    }

    int addUser(float... v) {
        return world.users().add(v, 0, 0, 0, round);
    }

    int addItem(float... v) {
        int i = world.items().add(v, 0, 0, round, 0f, 0);
        world.stats().ensure(world.items().count());
        return i;
    }

    /** Items of this fixture's dimension, each a random point near {@code centre}. */
    int[] addItemsNear(float[] centre, int count, double spread, SplitMix rng) {
        int[] ids = new int[count];
        float[] v = new float[dims()];
        for (int c = 0; c < count; c++) {
            for (int x = 0; x < v.length; x++) {
                v[x] = (float) (centre[x] + spread * rng.nextGaussian());
            }
            ids[c] = addItem(v);
        }
        return ids;
    }

    /** Makes published items visible in the compacted live set, as the kernel's retire phase does. */
    void rebuildLive() {
        world.items().rebuildLive();
    }

    /** Opens round {@code r} of the feedback log. */
    void openRound(int r) {
        round = r;
        world.feedback().beginRound(r);
    }

    void click(int user, int item, boolean liked) {
        world.feedback().add(user, item, round, liked);
        world.stats().click(item, liked);
    }

    /** Scores every user in kernel-sized blocks of 8; row {@code u} of the result has stride liveCount. */
    float[] scoreAll(Recommender rec) {
        int n = catalog().liveCount();
        int users = userCount();
        float[] out = new float[users * n];
        WorkerScratch scratch = new WorkerScratch(0);
        float[] block = new float[8 * n];
        for (int b = 0; b < users; b += 8) {
            int e = Math.min(users, b + 8);
            rec.score(b, e, block, n, scratch);
            System.arraycopy(block, 0, out, b * n, (e - b) * n);
        }
        return out;
    }

    /** Score of {@code item} (an id, which must be live) for {@code user} in a {@link #scoreAll} result. */
    float score(float[] all, int user, int item) {
        int n = catalog().liveCount();
        return all[user * n + catalog().liveIndexOf(item)];
    }

    @Override
    public ItemCatalog catalog() {
        return world.items();
    }

    @Override
    public FeedbackLog feedback() {
        return world.feedback();
    }

    @Override
    public ItemStats stats() {
        return world.stats();
    }

    @Override
    public int userCount() {
        return world.users().count();
    }

    @Override
    public int round() {
        return round;
    }

    @Override
    public RandomStreams streams() {
        return streams;
    }

    /** Runs training loops ({@link #forEach}) on {@code workers} instead of in order on the calling thread. */
    Fixture withWorkers(WorkerPool workers) {
        pool = workers;
        return this;
    }

    @Override
    public void forEach(int n, int chunk, WorkerPool.ChunkTask task) {
        if (pool == null) {
            RecommenderContext.super.forEach(n, chunk, task);
        } else {
            pool.forEach(n, chunk, task);
        }
    }
}
