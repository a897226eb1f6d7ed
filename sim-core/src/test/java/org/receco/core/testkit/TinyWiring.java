package org.receco.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.core.config.KernelConfig;
import org.receco.core.config.SlateSpec;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Vec;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.World;

/**
 * A tiny deterministic scenario for kernel and store tests: 3 topics in 4 dimensions, users and authors drawn
 * around the topic centres, each author publishing 2 items a round near its own vector, users clicking each
 * slate position with probability 1/2 (at most 2 clicks, liked with probability 1/2, no interest shift), and a
 * recommender that scores by a hash of (seed, round, user, item). Slates: 3 match, 1 cold-start, 1 hot.
 */
public final class TinyWiring implements Wiring {
    public static final int DIMS = 4;
    public static final int TOPICS = 3;
    public static final int ITEMS_PER_AUTHOR = 2;
    public static final int MAX_CLICKS = 2;

    private final KernelConfig config;
    private final int users;
    private final int authors;
    private final List<ScenarioEvent> events = new ArrayList<>();
    private Supplier<List<Observer>> observers = List::of;

    public TinyWiring(long seed, int rounds, int users, int threads) {
        this.config = new KernelConfig(seed, rounds, 4, 1, 0, threads,
                new SlateSpec(5, 3, 1, 1, 0, 0, 1, 2));
        this.users = users;
        this.authors = 5;
    }

    /** Adds an event (e.g. {@link UsersJoin}); call before the model starts. */
    public TinyWiring withEvent(ScenarioEvent e) {
        events.add(e);
        return this;
    }

    /** Observers made fresh for every start. */
    public TinyWiring withObservers(Supplier<List<Observer>> factory) {
        observers = factory;
        return this;
    }

    @Override
    public KernelConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public World createWorld(RandomStreams streams) {
        float[] centres = new float[TOPICS * DIMS];
        for (int t = 0; t < TOPICS; t++) {
            centres[t * DIMS + t] = 1f;
        }
        return new World(new LatentSpace(DIMS, centres), users, authors, 256);
    }

    @Override
    public UserChoiceModel createUserModel() {
        return new TinyUsers();
    }

    @Override
    public AuthorModel createAuthorModel() {
        return new TinyAuthors();
    }

    @Override
    public void populate(RecEcoModel model) {
        SplitMix rng = model.streams().stream("tiny.populate");
        int[] userTopics = new int[users];
        model.addUsers(aroundCentres(model.world().space(), userTopics, rng), userTopics);
        int[] authorTopics = new int[authors];
        model.addAuthors(aroundCentres(model.world().space(), authorTopics, rng), authorTopics);
    }

    /** Vectors near the topic centres, topic {@code q % TOPICS} for row {@code q}; fills {@code topics}. */
    static float[] aroundCentres(LatentSpace space, int[] topics, SplitMix rng) {
        int d = space.dims();
        float[] v = new float[topics.length * d];
        for (int q = 0; q < topics.length; q++) {
            topics[q] = q % space.topics();
            space.copyCentre(topics[q], v, q * d);
            for (int k = 0; k < d; k++) {
                v[q * d + k] += (float) (0.2 * rng.nextGaussian());
            }
        }
        return v;
    }

    @Override
    public Recommender createRecommender(GroundTruth truth) {
        return new HashRecommender();
    }

    @Override
    public List<Observer> createObservers() {
        return observers.get();
    }

    @Override
    public List<ScenarioEvent> events() {
        return List.copyOf(events);
    }

    /** Clicks each position with probability 1/2, at most {@link #MAX_CLICKS}; utility = dot product. */
    static final class TinyUsers implements UserChoiceModel {
        private World world;

        @Override
        public void init(World w) {
            this.world = w;
        }

        @Override
        public void onUsersAdded(int from, int to, SplitMix rng) {
        }

        @Override
        public int maxClicks() {
            return MAX_CLICKS;
        }

        @Override
        public void choose(int u, RoundState state, SplitMix rng, WorkerScratch scratch) {
            int len = state.slateLength(u);
            for (int p = 0; p < len && state.clickCount(u) < MAX_CLICKS; p++) {
                if (rng.nextDouble() < 0.5) {
                    boolean liked = rng.nextDouble() < 0.5;
                    state.addClick(u, p, liked, utility(u, state.slateItem(u, p)));
                }
            }
        }

        @Override
        public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        }

        @Override
        public float utility(int user, int item) {
            int d = world.dims();
            return Vec.dot(world.users().prefs(), user * d, world.items().vectors(), item * d, d);
        }
    }

    /** Each author publishes {@link #ITEMS_PER_AUTHOR} items a round, near its vector, random quality. */
    static final class TinyAuthors implements AuthorModel {
        private World world;
        private final float[] v = new float[DIMS];

        @Override
        public void init(World w) {
            this.world = w;
        }

        @Override
        public void onAuthorsAdded(int from, int to, SplitMix rng) {
        }

        @Override
        public void publish(int a, int round, SplitMix rng) {
            float[] av = world.authors().vectors();
            for (int n = 0; n < ITEMS_PER_AUTHOR; n++) {
                for (int k = 0; k < DIMS; k++) {
                    v[k] = av[a * DIMS + k] + (float) (0.1 * rng.nextGaussian());
                }
                world.items().add(v, 0, a, round, (float) rng.nextDouble(), world.space().nearestTopic(v, 0));
            }
        }

        @Override
        public void afterRound(RoundState state) {
        }
    }

    /** Scores by a hash of (stream seed, round, user, item id): random, but a pure function of its inputs. */
    static final class HashRecommender implements Recommender {
        private long seed;
        private ItemCatalog catalog;
        private int round;

        @Override
        public String name() {
            return "tiny-hash";
        }

        @Override
        public void init(RecommenderContext ctx) {
            seed = ctx.streams().streamSeed("tiny.recommender");
            catalog = ctx.catalog();
        }

        @Override
        public void beginRound(int r) {
            round = r;
        }

        @Override
        public void score(int fromUser, int toUser, float[] scores, int stride, WorkerScratch scratch) {
            for (int u = fromUser; u < toUser; u++) {
                int off = (u - fromUser) * stride;
                for (int j = 0; j < stride; j++) {
                    long h = RandomStreams.seed(seed, round, ((long) u << 32) | catalog.liveItem(j));
                    scores[off + j] = (h >>> 40) * 0x1.0p-24f;
                }
            }
        }

        @Override
        public void train(int r) {
        }
    }
}
