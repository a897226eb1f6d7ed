package org.receco.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.core.config.KernelConfig;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.SlateComposer;
import org.receco.core.round.WorkerPool;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.DeclaresTables;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.RecommenderContext;
import org.receco.core.spi.ReportsMetrics;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.RunSink;
import org.receco.core.spi.RunTables;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStats;
import org.receco.core.world.ItemStore;
import org.receco.core.util.IntList;
import org.receco.core.util.Vec;
import org.receco.core.world.PopulationUtility;
import org.receco.core.world.ReviewLog;
import org.receco.core.world.RoundCounters;
import org.receco.core.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A recommendation ecosystem as one MASON {@link SimState}. Each round is one time step of the schedule; its
 * phases are the orderings of {@link Phase}, registered in {@link #start()}:
 *
 * <pre>
 *   OPEN      round number set, feedback log opens the round
 *   EVENTS    scheduled one-off events for this round (they may add users, populations, items, feedback)
 *   PUBLISH   authors publish                         (AuthorModel.publish, per author)
 *   RETIRE    items past their lifetime leave the live set
 *   RECOMMEND recommender scores, kernel composes slates   (parallel over users)
 *   CHOOSE    users click and like                    (UserChoiceModel.choose, parallel; then chooseBatch
 *             for populations that decide together, e.g. LLM users with requests in flight)
 *   FEEDBACK  counters + feedback log; interests shift; authors adapt
 *   LOG       round records to the sink
 *   TRAIN     recommender retrains when its interval says so
 *   OBSERVE   observers record metrics
 *   COMMIT    the round's transaction commits
 * </pre>
 *
 * All randomness comes from {@link #streams()}, derived from the seed; per-agent draws in parallel phases
 * are seeded by (stream, round, agent), so a run is identical whatever the thread count.
 */
public class RecEcoModel extends SimState implements RoundView {
    private static final long serialVersionUID = 1L;
    private static final int USER_CHUNK = 64;
    private static final int SCORE_BLOCK = 8;

    private final transient Wiring wiring;
    private transient KernelConfig config;
    private transient RandomStreams streams;
    private transient World world;
    private transient List<UserChoiceModel> populations;
    /** Declared {@link UserChoiceModel#maxClicks()} by population id, checked after every choice. */
    private transient int[] populationMaxClicks;
    private transient AuthorModel authorModel;
    private transient Recommender recommender;
    private transient SlateComposer composer;
    private transient RoundState state;
    private transient WorkerPool pool;
    private transient List<Observer> observers;
    private transient RunSink sink = RunSink.NONE;
    private transient RunManifest manifest;
    private transient RoundCounters counters;
    private transient Map<String, Double> lastMetrics;
    private transient List<RoundListener> listeners = new ArrayList<>();
    private transient int round;
    private transient int roundsCompleted;
    private transient int threadsOverride;
    private transient long[] phaseNanos = new long[Phase.values().length];
    /** Where explicit ratings go; declared when the first population that {@link UserChoiceModel#rates()} joins. */
    private transient TableWriter ratingRows = RATINGS_OFF;
    /** Where review texts go; null until a population that {@link UserChoiceModel#writesReviews()} joins. */
    private transient TableWriter reviewRows;
    /** This round's users of one batch-choosing population (reused). */
    private transient IntList batchUsers = new IntList();

    /**
     * Explicit ratings, one row per rated click: a table of its own rather than a column of {@code interactions},
     * so click-only runs keep their schema and digests.
     */
    public static final TableSpec RATINGS = TableSpec.of("ratings", "one row per rated click: the explicit "
                    + "1-5 rating a user gave the item (rating worlds only; see interactions for the click)",
            "round", List.of("round", "user_id", "item_id"),
            Column.of("round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("item_id", ColumnType.INTEGER), Column.of("rating", ColumnType.TINYINT));
    /** Short reviews written with ratings. */
    public static final TableSpec REVIEWS = TableSpec.of("reviews", "one row per review a user wrote with a "
                    + "rated click", "round", List.of("round", "user_id", "item_id"),
            Column.of("round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("item_id", ColumnType.INTEGER), Column.of("text", ColumnType.CLOB));
    private static final TableWriter RATINGS_OFF = TableWriter.discarding(RATINGS);

    /** Told when a round has committed (progress bars, live charts). */
    @FunctionalInterface
    public interface RoundListener {
        void roundCompleted(RecEcoModel model, int round);
    }

    public RecEcoModel(Wiring wiring) {
        super(wiring.config().seed());
        this.wiring = wiring;
        this.config = wiring.config();
        Vec.warmUpAsync();
    }

    /** Records the run to {@code sink}; call before {@link #start()}. */
    public void setSink(RunSink sink, RunManifest manifest) {
        this.sink = sink == null ? RunSink.NONE : sink;
        this.manifest = manifest;
    }

    /** Uses {@code threads} workers instead of the configured number (results do not change). */
    public void setThreads(int threads) {
        this.threadsOverride = threads;
    }

    public void addRoundListener(RoundListener l) {
        listeners.add(l);
    }

    @Override
    public void start() {
        super.start();
        config = wiring.config();
        streams = new RandomStreams(config.seed());
        random = streams.masonStream("mason");
        world = wiring.createWorld(streams);
        populations = new ArrayList<>();
        populationMaxClicks = new int[0];
        ratingRows = RATINGS_OFF;
        reviewRows = null;
        batchUsers = new IntList();
        state = null;
        round = 0;
        UserChoiceModel users = wiring.createUserModel();
        String usersModel = wiring.userModelName();
        addPopulation(wiring.userPopulationName(), usersModel == null ? users.getClass().getSimpleName() : usersModel,
                users);
        world.setUtility(new PopulationUtility(world.users(), populations));
        authorModel = wiring.createAuthorModel();
        authorModel.init(world);
        roundsCompleted = 0;
        phaseNanos = new long[Phase.values().length];
        wiring.populate(this);
        state = new RoundState(config.slate().size(), maxClicks());
        if (reviewRows != null) {
            state.enableReviews();
        }
        composer = new SlateComposer(config.slate(), streams);
        counters = new RoundCounters();
        lastMetrics = new LinkedHashMap<>();
        pool = new WorkerPool(threadsOverride > 0 ? threadsOverride : config.threads());
        recommender = wiring.createRecommender(world);
        recommender.init(recommenderContext());
        observers = new ArrayList<>(wiring.createObservers());
        for (Observer o : observers) {
            o.start(this);
        }
        // Populations declared their tables as they were added (addPopulation); the rest declare theirs here.
        declareTables(authorModel, recommender);
        declareTables(observers.toArray());
        if (manifest != null) {
            sink.start(manifest, this);
        }
        schedulePhases();
        for (ScenarioEvent e : wiring.events()) {
            if (e.round() < config.rounds()) {
                schedule.scheduleOnce(e.round(), Phase.EVENTS.ordering(), (Steppable) s -> {
                    e.apply(this);
                    sink.writeEvent(round, e.type(), e.describe());
                });
            }
        }
    }

    /** Lets each component that records rows of its own declare its tables, before the first transaction. */
    private void declareTables(Object... components) {
        for (Object c : components) {
            if (c instanceof DeclaresTables d) {
                d.declareTables(sink);
            }
        }
    }

    /** The run's store, where components declare tables and append rows. */
    @Override
    public RunTables tables() {
        return sink;
    }

    private void schedulePhases() {
        phase(Phase.OPEN, this::open);
        phase(Phase.PUBLISH, this::publish);
        phase(Phase.RETIRE, this::retire);
        phase(Phase.RECOMMEND, this::recommend);
        phase(Phase.CHOOSE, this::choose);
        phase(Phase.FEEDBACK, this::feedback);
        phase(Phase.LOG, () -> sink.writeRound(this));
        phase(Phase.TRAIN, () -> {
            if (config.trainsAfter(round)) {
                recommender.train(round);
            }
        });
        phase(Phase.OBSERVE, this::observe);
        phase(Phase.COMMIT, this::commit);
    }

    private void phase(Phase p, Runnable body) {
        int k = p.ordinal();
        schedule.scheduleRepeating(0.0, p.ordering(), (Steppable) s -> {
            long t0 = System.nanoTime();
            body.run();
            phaseNanos[k] += System.nanoTime() - t0;
        }, 1.0);
    }

    /** Wall-clock nanoseconds spent in each phase so far (indexed by {@link Phase#ordinal()}); for benchmarks. */
    public long[] phaseNanos() {
        return phaseNanos.clone();
    }

    /** Plays rounds until {@code rounds} have completed in total (or the configured number, if smaller). */
    public void runUntil(int rounds) {
        int target = Math.min(rounds, config.rounds());
        while (roundsCompleted < target) {
            if (!schedule.step(this)) {
                break;
            }
        }
    }

    /** Plays all configured rounds, then {@link #finish()}es with status completed. */
    public void runToEnd() {
        runUntil(config.rounds());
    }

    // ---- phases -------------------------------------------------------------------------------------

    private void open() {
        round = (int) schedule.getTime();
        world.feedback().beginRound(round);
    }

    private void publish() {
        long seed = streams.streamSeed("author.publish");
        SplitMix rng = pool.scratch(0).rng();
        int authors = world.authors().count();
        for (int a = 0; a < authors; a++) {
            rng.reseed(RandomStreams.seed(seed, round, a));
            authorModel.publish(a, round, rng);
        }
    }

    private void retire() {
        ItemStore items = world.items();
        // Clear last round's per-round counters while the live set still holds every item shown last round.
        int[] live = new int[items.liveCount()];
        for (int j = 0; j < live.length; j++) {
            live[j] = items.liveItem(j);
        }
        world.stats().ensure(items.count());
        world.stats().clearRound(live, live.length);
        if (config.itemLifetime() > 0) {
            items.retireCreatedBefore(round - config.itemLifetime() + 1);
        }
        items.rebuildLive();
    }

    private void recommend() {
        int users = world.users().count();
        state.begin(round, users);
        ItemStore items = world.items();
        recommender.beginRound(round);
        composer.beginRound(round, users, items, world.stats(), world.authors());
        int n = items.liveCount();
        if (n == 0) {
            return;
        }
        Recommender rec = round < config.startupRounds() // start-up: random items, whatever the recommender
                ? new org.receco.core.round.StartupScores(items, streams) : recommender;
        if (rec != recommender) {
            rec.beginRound(round);
        }
        pool.forEach(users, USER_CHUNK, (from, to, s) -> {
            float[] scores = s.floats(0, SCORE_BLOCK * n);
            for (int b = from; b < to; b += SCORE_BLOCK) {
                int e = Math.min(to, b + SCORE_BLOCK);
                rec.score(b, e, scores, n, s);
                for (int u = b; u < e; u++) {
                    composer.compose(u, scores, (u - b) * n, state, s);
                }
            }
        });
    }

    private void choose() {
        long seed = streams.streamSeed("user.choose");
        boolean anyBatch = false;
        for (UserChoiceModel m : populations) {
            anyBatch |= m.choosesInBatch();
        }
        boolean[] batch = anyBatch ? new boolean[populations.size()] : null;
        if (anyBatch) {
            for (int p = 0; p < batch.length; p++) {
                batch[p] = populations.get(p).choosesInBatch();
            }
        }
        pool.forEach(state.users(), USER_CHUNK, (from, to, s) -> {
            SplitMix rng = s.rng();
            for (int u = from; u < to; u++) {
                int p = world.users().population(u);
                if (batch != null && batch[p]) {
                    continue;
                }
                rng.reseed(RandomStreams.seed(seed, round, u));
                try {
                    populations.get(p).choose(u, state, rng, s);
                } catch (RoundState.ClickOverflowException e) {
                    throw tooManyClicks(u, p, e);
                }
                if (state.clickCount(u) > populationMaxClicks[p]) {
                    throw tooManyClicks(u, p, null);
                }
            }
        });
        if (anyBatch) {
            chooseInBatches(batch, seed);
        }
    }

    /** Lets each population that chooses in batch decide for all its users at once, in population order. */
    private void chooseInBatches(boolean[] batch, long seed) {
        int users = state.users();
        for (int p = 0; p < batch.length; p++) {
            if (!batch[p]) {
                continue;
            }
            batchUsers.clear();
            for (int u = 0; u < users; u++) {
                if (world.users().population(u) == p) {
                    batchUsers.add(u);
                }
            }
            if (batchUsers.size() == 0) {
                continue;
            }
            try {
                populations.get(p).chooseBatch(batchUsers.raw(), batchUsers.size(), state, seed);
            } catch (RoundState.ClickOverflowException e) {
                throw tooManyClicks(e.user(), p, e);
            }
            for (int k = 0; k < batchUsers.size(); k++) {
                int u = batchUsers.get(k);
                if (state.clickCount(u) > populationMaxClicks[p]) {
                    throw tooManyClicks(u, p, null);
                }
            }
        }
    }

    /** A user model broke its own {@link UserChoiceModel#maxClicks()}; its clicks would spill into another user's. */
    private IllegalStateException tooManyClicks(int u, int p, RuntimeException cause) {
        return new IllegalStateException("round " + round + ": user " + u + " of population " + p + " '"
                + world.populations().name(p) + "' (model " + world.populations().get(p).model() + ") clicked "
                + (cause == null ? state.clickCount(u) + " items" : "more than " + state.clickCapacity() + " items")
                + ", but its model declares maxClicks() = " + populationMaxClicks[p]
                + " (click capacity " + state.clickCapacity() + " per user)", cause);
    }

    private void feedback() {
        ItemStats stats = world.stats();
        FeedbackLog log = world.feedback();
        counters.reset();
        int users = state.users();
        boolean anyFake = world.populations().anyFake();
        for (int u = 0; u < users; u++) {
            int len = state.slateLength(u);
            for (int p = 0; p < len; p++) {
                stats.expose(state.slateItem(u, p));
            }
            // The round's totals are the genuine users' (a fake account's clicks are the attack's, not demand).
            boolean counted = !anyFake || !world.populations().isFake(world.users().population(u));
            if (counted) {
                counters.users++;
                counters.exposures += len;
            }
            int clicks = state.clickCount(u);
            for (int c = 0; c < clicks; c++) {
                int item = state.clickItem(u, c);
                boolean liked = state.clickLiked(u, c);
                int stars = state.clickRating(u, c);
                stats.click(item, liked);
                log.add(u, item, round, liked, stars);
                if (stars > 0) {
                    stats.rate(item, stars);
                    ratingRows.append(round, u, item, (byte) stars);
                }
                if (reviewRows != null) {
                    String review = state.clickReview(u, c);
                    if (review != null) {
                        world.reviews().add(u, item, round, review);
                        reviewRows.append(round, u, item, review);
                    }
                }
                if (counted) {
                    counters.utility += state.clickUtility(u, c);
                    if (liked) {
                        counters.likes++;
                    }
                }
            }
            if (counted) {
                counters.clicks += clicks;
            }
        }
        world.users().snapshotPrevious();
        pool.forEach(users, USER_CHUNK, (from, to, s) -> {
            for (int u = from; u < to; u++) {
                composer.remember(u, state);
                populations.get(world.users().population(u)).updateInterest(u, state, s);
            }
        });
        authorModel.afterRound(state);
    }

    private void observe() {
        lastMetrics.clear();
        MetricRecorder out = (name, value) -> {
            lastMetrics.put(name, value);
            sink.writeMetric(round, name, value);
        };
        counters.record(this, out);
        for (UserChoiceModel m : populations) {
            if (m instanceof ReportsMetrics r) {
                r.reportMetrics(this, out);
            }
        }
        for (Observer o : observers) {
            o.observe(this, out);
        }
    }

    private void commit() {
        sink.commitRound(round);
        roundsCompleted = round + 1;
        for (RoundListener l : listeners) {
            l.roundCompleted(this, round);
        }
    }

    // ---- mutation API for wiring and events ----------------------------------------------------------

    /**
     * Adds users of population 0 (the scenario's user model) with preference vectors {@code vecs}
     * (row-major, {@code topics.length} rows). Returns the first new id.
     */
    public int addUsers(float[] vecs, int[] topics) {
        return addUsers(vecs, topics, 0);
    }

    /** Adds users of population {@code population}; their model draws their parameters. */
    public int addUsers(float[] vecs, int[] topics, int population) {
        if (population < 0 || population >= populations.size()) {
            throw new IllegalArgumentException("population " + population + " does not exist (populations: "
                    + String.join(", ", world.populations().names()) + ")");
        }
        int d = world.dims();
        int from = world.users().count();
        for (int q = 0; q < topics.length; q++) {
            world.users().add(vecs, q * d, topics[q], population, round);
        }
        int to = world.users().count();
        SplitMix rng = streams.stream("users.params." + population + "." + from);
        populations.get(population).onUsersAdded(from, to, rng);
        return from;
    }

    /**
     * Registers a new user population (LLM-driven users, injected fake users) with its own choice model, at
     * the current round; returns its id. Add its users with {@link #addUsers(float[], int[], int)}. The round
     * state's click capacity grows to the new model's {@link UserChoiceModel#maxClicks()} if that is larger.
     *
     * @param name      unique population name (metrics can include or exclude populations by name)
     * @param modelName the user model's name, for the run database
     */
    public int addPopulation(String name, String modelName, UserChoiceModel model) {
        return addPopulation(name, modelName, model, false);
    }

    /**
     * As {@link #addPopulation(String, String, UserChoiceModel)}, marked fake when {@code fake}: the accounts of a
     * shilling attack, stored with {@code users.fake = true} and left out of the kernel's round counters and of
     * every genuine-user metric.
     */
    public int addPopulation(String name, String modelName, UserChoiceModel model, boolean fake) {
        int id = world.populations().add(name, modelName, round, fake);
        model.init(world);
        declareTables(model);
        if (model.rates() && ratingRows == RATINGS_OFF) {
            ratingRows = sink.table(RATINGS);
        }
        if (model.writesReviews() && reviewRows == null) {
            reviewRows = sink.table(REVIEWS);
            if (state != null) {
                state.enableReviews();
            }
        }
        populations.add(model);
        populationMaxClicks = Arrays.copyOf(populationMaxClicks, populations.size());
        populationMaxClicks[id] = Math.max(0, model.maxClicks());
        if (state != null) {
            state.ensureClickCapacity(maxClicks());
        }
        return id;
    }

    /** Adds authors with vectors {@code vecs} (row-major); returns the first new id. */
    public int addAuthors(float[] vecs, int[] topics) {
        int d = world.dims();
        int from = world.authors().count();
        for (int q = 0; q < topics.length; q++) {
            world.authors().add(vecs, q * d, topics[q], round);
        }
        authorModel.onAuthorsAdded(from, world.authors().count(), streams.stream("authors.params." + from));
        return from;
    }

    /**
     * Replaces the recommender from this round on. The new one is initialised and trained on all feedback so
     * far, as a platform would before switching.
     */
    public void switchRecommender(Recommender next) {
        next.init(recommenderContext());
        if (round > 0) {
            next.train(round - 1);
        }
        recommender = next;
    }

    private RecommenderContext recommenderContext() {
        World w = world;
        return new RecommenderContext() {
            @Override
            public ItemCatalog catalog() {
                return w.items();
            }

            @Override
            public FeedbackLog feedback() {
                return w.feedback();
            }

            @Override
            public ItemStats stats() {
                return w.stats();
            }

            @Override
            public ReviewLog reviews() {
                return w.reviews();
            }

            @Override
            public int userCount() {
                return w.users().count();
            }

            @Override
            public int round() {
                return round;
            }

            @Override
            public RandomStreams streams() {
                return streams;
            }

            @Override
            public void forEach(int n, int chunk, WorkerPool.ChunkTask task) {
                pool.forEach(n, chunk, task);
            }
        };
    }

    private int maxClicks() {
        int m = 1;
        for (UserChoiceModel p : populations) {
            m = Math.max(m, p.maxClicks());
        }
        return m;
    }

    // ---- views ---------------------------------------------------------------------------------------

    @Override
    public int round() {
        return round;
    }

    /** Rounds fully played and committed. */
    public int roundsCompleted() {
        return roundsCompleted;
    }

    @Override
    public World world() {
        return world;
    }

    @Override
    public RoundState state() {
        return state;
    }

    @Override
    public RandomStreams streams() {
        return streams;
    }

    @Override
    public String recommenderName() {
        return recommender.name();
    }

    @Override
    public Recommender recommender() {
        return recommender;
    }

    public KernelConfig config() {
        return config;
    }

    public Wiring wiring() {
        return wiring;
    }

    public SlateComposer composer() {
        return composer;
    }

    public UserChoiceModel userModel(int population) {
        return populations.get(population);
    }

    public AuthorModel authorModel() {
        return authorModel;
    }

    public List<Observer> observers() {
        return Collections.unmodifiableList(observers);
    }

    /** Metrics recorded in the latest observe phase, in recording order (empty when the run failed to start). */
    public Map<String, Double> lastMetrics() {
        return lastMetrics == null ? Map.of() : Collections.unmodifiableMap(lastMetrics);
    }

    /** Totals of the latest round (clicks, likes, exposures, utility). */
    public RoundCounters counters() {
        return counters;
    }

    public int threads() {
        return pool == null ? 0 : pool.threads();
    }

    WorkerScratch mainScratch() {
        return pool.scratch(0);
    }

    @Override
    public void finish() {
        super.finish();
        if (pool != null) {
            pool.close();
        }
    }
}
