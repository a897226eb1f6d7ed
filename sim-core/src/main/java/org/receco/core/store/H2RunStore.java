package org.receco.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.receco.core.RunManifest;
import org.receco.core.rng.RandomStreams;
import org.receco.core.round.RoundState;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.RunSink;
import org.receco.core.util.KillPoints;
import org.receco.core.world.AuthorStore;
import org.receco.core.world.ItemStore;
import org.receco.core.world.LatentSpace;
import org.receco.core.world.Populations;
import org.receco.core.world.UserStore;
import org.receco.core.world.World;

/**
 * Records a run into an embedded H2 database, {@code <runDir>/run.mv.db} (JDBC URL
 * {@code jdbc:h2:file:<runDir>/run}, no server). Each round is one transaction, committed in
 * {@link #commitRound}; its {@code rounds} row is written in that same transaction, so a row there means the
 * round is complete, and a run killed at any moment (SIGKILL included) leaves a database readable up to its
 * last complete round (see {@link RunDatabase}). The database runs with {@code WRITE_DELAY=0}: H2 writes a
 * committed transaction to the file before the commit returns (not fsync'ed: a process crash loses nothing
 * committed, a power cut may).
 *
 * <p>Tables: {@link Schema} declares every kernel table (columns, key, round column, what a row is); components
 * add their own through {@link #table(TableSpec)}. Each database lists its tables in {@code store_tables}.
 *
 * <p>Speed: interactions and impressions are stored packed, one row per (round, run of up to 64 users) with
 * arrays, behind views of their names ({@link Schema#PACKED}), and go in as multi-row inserts
 * ({@link BulkInsert}). H2 rewrites pages of a large transaction, so the file holds dead space while the run is
 * going; {@code SHUTDOWN COMPACT} on a finished run reclaims it.
 *
 * <p>Threads: every method is called from the simulation thread ({@link TableWriter#append} may also be called
 * from the workers of a parallel phase). With {@link StoreOptions#background()}, rows
 * are inserted by one writer thread while the simulation plays on; the calling thread then never touches the
 * connection while a round is in flight.
 */
public final class H2RunStore implements RunSink {
    /** Rows per JDBC batch. */
    static final int BATCH = 4096;
    /** Name of the random stream that samples users for impressions. */
    public static final String IMPRESSION_STREAM = "store.impressions";

    private final Path runDir;
    private final StoreOptions options;
    private final Connection conn;
    private final PreparedStatement insUser;
    private final PreparedStatement insPopulation;
    private final PreparedStatement insAuthor;
    private final PreparedStatement insItem;
    private final BulkInsert insClick;
    private final BulkInsert insImpression;
    private final PreparedStatement insSnapshot;
    private final PreparedStatement insMetric;
    private final PreparedStatement insEvent;
    private final PreparedStatement insRound;
    private final PreparedStatement updProgress;
    private final ExecutorService writer;
    private final RoundBuffer[] buffers = {new RoundBuffer(), new RoundBuffer()};
    /** The buffer the simulation fills; volatile because declared tables may be appended to from workers. */
    private volatile RoundBuffer pending = buffers[0];
    /** Declared tables by declaration index, their writers, and their index by name. */
    private final List<TableSpec> declared = new ArrayList<>();
    private final List<TableWriter> writers = new ArrayList<>();
    private final Map<String, Integer> declaredIndex = new HashMap<>();
    /** Inserts into declared tables, by name; prepared and used by whichever thread writes buffers. */
    private final Map<String, PreparedStatement> declaredInserts = new HashMap<>();
    private Future<?> inFlight;
    private Throwable failure;
    private boolean compactOnClose;
    private boolean closed;

    /** The database file's size at the last commit handed over, and the most it grew between two of them. */
    private long lastSize;
    private long maxGrowth;

    private int roundsPlanned = -1;
    private int usersSeen;
    private int populationsSeen;
    private int authorsSeen;
    private int itemsSeen;
    private int eventSeq;
    private long impressionSeed;
    private boolean impressionSeedSet;

    /**
     * Creates {@code runDir} if needed and a new database in it holding the schema only (no run record until
     * {@link #start}); see {@link #H2RunStore(Path, StoreOptions, RunManifest)}.
     */
    public H2RunStore(Path runDir, StoreOptions options) {
        this(runDir, options, null);
    }

    /**
     * Creates {@code runDir} if needed and a new database in it, holding the schema and (unless null)
     * {@code manifest} as the run's record (status running, no round yet). Fails if the directory already holds
     * a run database, or one a killed run left half-created: runs are never appended to.
     *
     * <p>H2 commits each {@code CREATE TABLE} by itself, so one transaction cannot hold the schema and the
     * manifest row. The database is built instead under another name ({@link RunDatabase#CREATING_FILE}),
     * closed, and renamed to {@code run.mv.db}, one {@code rename(2)} in one directory: a kill at any moment
     * leaves either no {@code run.mv.db} or one with the whole schema and its record (H2 2.x keeps a database in
     * its {@code .mv.db} alone: the lock is taken on that file, a {@code .trace.db} appears only on errors).
     */
    public H2RunStore(Path runDir, StoreOptions options, RunManifest manifest) {
        this.runDir = runDir;
        this.options = options;
        try {
            Files.createDirectories(runDir);
            for (Path f : List.of(RunDatabase.file(runDir), RunDatabase.creatingFile(runDir))) {
                if (Files.exists(f)) {
                    throw new FileAlreadyExistsException(f.toString(), null,
                            "a run database already exists here; use a fresh run directory");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            create(runDir, manifest);
            conn = DriverManager.getConnection(RunDatabase.baseUrl(runDir)
                    + ";IFEXISTS=TRUE;WRITE_DELAY=0;CACHE_SIZE=131072;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
            conn.setAutoCommit(false);
            insUser = conn.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?)");
            insPopulation = conn.prepareStatement("INSERT INTO populations VALUES (?, ?, ?, ?)");
            insAuthor = conn.prepareStatement("INSERT INTO authors VALUES (?, ?, ?)");
            insItem = conn.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, ?)");
            insClick = new BulkInsert(conn, Schema.CLICKS.storage(), "(?, ?, ?, ?, ?, ?, ?)", 7);
            insImpression = new BulkInsert(conn, Schema.SLATES.storage(), "(?, ?, ?, ?, ?, ?)", 6);
            insSnapshot = conn.prepareStatement("INSERT INTO snapshots VALUES (?, ?, ?, ?, ?)");
            insMetric = conn.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?)");
            insEvent = conn.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?)");
            insRound = conn.prepareStatement("INSERT INTO rounds VALUES (?, ?, ?, ?, ?)");
            updProgress = conn.prepareStatement("UPDATE run_manifest SET rounds_completed = ? WHERE id = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create run database in " + runDir + ": " + e.getMessage(), e);
        }
        writer = options.background() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "receco-store-writer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Builds the schema (and the manifest row, unless {@code manifest} is null) in a database under the name
     * {@link RunDatabase#CREATING_FILE}, closes it and renames it to {@code run.mv.db}. The named kill points
     * ({@link KillPoints}) let a test halt the JVM at each step.
     */
    private static void create(Path runDir, RunManifest manifest) throws SQLException {
        try (Connection db = DriverManager.getConnection(RunDatabase.creatingUrl(runDir)
                + ";WRITE_DELAY=0;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE")) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute(Schema.ddl(Schema.CATALOGUE));
                for (Schema.Table t : Schema.TABLES) {
                    s.execute(t.ddl());
                    for (String ddl : Schema.indexDdl(t.spec())) {
                        s.execute(ddl);
                    }
                }
                for (int c = 0; c < RoundState.CHANNEL_NAMES.length; c++) {
                    s.execute("INSERT INTO channels VALUES (" + c + ", '" + RoundState.CHANNEL_NAMES[c] + "')");
                }
            }
            KillPoints.reach("create:schema");
            for (int k = 0; k < Schema.BUILT_IN.size(); k++) {
                catalogue(db, k, Schema.BUILT_IN.get(k), "kernel");
            }
            if (manifest != null) {
                writeManifest(db, manifest);
            }
            db.commit();
        }
        KillPoints.reach("create:closed");
        try {
            Files.move(RunDatabase.creatingFile(runDir), RunDatabase.file(runDir), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SQLException("cannot move " + RunDatabase.creatingFile(runDir) + " into place: " + e, e);
        }
        KillPoints.reach("create:moved");
    }

    public Path runDir() {
        return runDir;
    }

    public StoreOptions options() {
        return options;
    }

    /** Records the manifest and the initial users, authors and items, and commits them. */
    @Override
    public void start(RunManifest manifest, RoundView view) {
        checkUsable();
        checkRoom(-1);
        roundsPlanned = manifest.roundsPlanned();
        RoundBuffer b = pending;
        captureEntities(view.world(), b);
        for (StoredRows rows : b.declared) {
            rows.checkRound(0, true);
        }
        try {
            writeManifest(conn, manifest);
            write(b);
        } catch (SQLException e) {
            throw fail(e);
        }
        b.reset();
    }

    @Override
    public void writeRound(RoundView view) {
        checkUsable();
        RoundBuffer b = pending;
        int round = view.round();
        World w = view.world();
        b.round = round;
        b.recommender = view.recommenderName();
        b.users = view.state().users();
        b.liveItems = w.items().liveCount();
        captureEntities(w, b);
        if (!impressionSeedSet) {
            impressionSeed = view.streams().streamSeed(IMPRESSION_STREAM);
            impressionSeedSet = true;
        }
        RoundState st = view.state();
        if (options.interactions()) {
            captureClicks(st, b);
        }
        if (options.impressions() != StoreOptions.ImpressionMode.off) {
            captureImpressions(st, round, b);
        }
        if (options.snapshotAt(round, roundsPlanned)) {
            captureSnapshot(w, b);
        }
    }

    @Override
    public void writeMetric(int round, String name, double value) {
        pending.metrics.put(name, value);
    }

    /**
     * Records an event (a scenario event, a recommender switch, a note) in the transaction of the round being
     * played, so it is kept exactly when that round is.
     */
    @Override
    public void writeEvent(int round, String type, String description) {
        pending.events.add(new RoundBuffer.Event(eventSeq++, round, type, description));
    }

    /**
     * Declares a table of a component's own (see {@link TableSpec}): created before the rows of the round being
     * played are written (at once, before the run starts), listed in {@code store_tables}, its rows written in
     * their round's transaction. The same spec declared again gets the same table.
     */
    @Override
    public synchronized TableWriter table(TableSpec spec) {
        checkUsable();
        Schema.checkDeclarable(spec);
        Integer known = declaredIndex.get(spec.name());
        if (known != null) {
            if (!declared.get(known).equals(spec)) {
                throw new IllegalArgumentException("table " + spec.name() + " is already declared differently: "
                        + declared.get(known) + "; now " + spec);
            }
            return writers.get(known);
        }
        int index = declared.size();
        declared.add(spec);
        declaredIndex.put(spec.name(), index);
        RoundBuffer b = pending;
        b.declared.add(new StoredRows(spec, index));
        b.newTables.add(spec);
        TableWriter w = new TableWriter() {
            @Override
            public TableSpec spec() {
                return spec;
            }

            @Override
            public void append(Object... values) {
                pending.declared.get(index).add(values);
            }
        };
        writers.add(w);
        return w;
    }

    /**
     * Commits the round. Synchronous mode: the round is on file when this returns. Background mode: the round
     * is handed to the writer, and this returns once the previous round is committed.
     */
    @Override
    public void commitRound(int round) {
        checkUsable();
        RoundBuffer b = pending;
        if (b.round != round) {
            throw new IllegalStateException("commitRound(" + round + ") but the round written is "
                    + (b.round == RoundBuffer.NO_ROUND ? "none" : b.round));
        }
        for (StoredRows rows : b.declared) {
            rows.checkRound(round, false);
        }
        checkRoom(round);
        if (writer == null) {
            try {
                write(b);
            } catch (SQLException e) {
                throw fail(e);
            }
            b.reset();
            return;
        }
        awaitInFlight();
        inFlight = writer.submit(() -> {
            write(b);
            return null;
        });
        RoundBuffer next = b == buffers[0] ? buffers[1] : buffers[0];
        next.reset();
        for (int k = next.declared.size(); k < declared.size(); k++) {
            next.declared.add(new StoredRows(declared.get(k), k));
        }
        pending = next;
    }

    /**
     * Waits for every handed-over round, then rewrites the manifest (its final status) and commits. A round
     * written but not committed is dropped.
     */
    @Override
    public void finish(RunManifest manifest) {
        checkUsable();
        awaitInFlight();
        List<TableSpec> late = List.copyOf(pending.newTables);
        pending.reset();
        try {
            conn.rollback();
            createTables(late); // declared after the last round began: they exist, empty
            writeManifest(conn, manifest);
            conn.commit();
        } catch (SQLException e) {
            throw fail(e);
        }
        compactOnClose = options.compact() && RunManifest.COMPLETED.equals(manifest.status());
    }

    /** Waits for the writer, drops an uncommitted round and closes the database. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException error = null;
        if (writer != null) {
            try {
                awaitInFlight();
            } catch (RuntimeException e) {
                error = e;
            }
            writer.shutdown();
        }
        try {
            conn.rollback();
            if (lowOnSpace()) {
                // H2 compacts for up to 200 ms on close, writing live pages anew: on a nearly full disk that
                // fills it (seen: the last 3.4 MB of an 8 MB tmpfs) and the manifest after it cannot be written.
                // Every commit is on file already (WRITE_DELAY=0), so closing without a last write loses nothing.
                try (Statement st = conn.createStatement()) {
                    st.execute("SHUTDOWN IMMEDIATELY");
                }
            } else if (compactOnClose && error == null && failure == null) {
                try (Statement st = conn.createStatement()) {
                    st.execute("SHUTDOWN COMPACT"); // closes the database, rewritten without dead pages
                }
            }
            conn.close();
        } catch (SQLException e) {
            if (error == null) {
                error = new IllegalStateException("closing the run database failed: " + e.getMessage(), e);
            }
        }
        if (error != null && failure == null) {
            throw error;
        }
    }

    // ---- capture (simulation thread) ---------------------------------------------------------------------

    private void captureEntities(World w, RoundBuffer b) {
        Populations populations = w.populations();
        for (; populationsSeen < populations.count(); populationsSeen++) {
            b.populations.add(populations.get(populationsSeen));
        }
        UserStore users = w.users();
        b.userFrom = usersSeen;
        b.userCount = users.count() - usersSeen;
        b.ensureUsers(b.userCount);
        for (int k = 0; k < b.userCount; k++) {
            int u = usersSeen + k;
            b.userTopic[k] = users.topic(u);
            b.userPopulation[k] = users.population(u);
            b.userJoined[k] = users.joinedRound(u);
            b.userFake[k] = populations.isFake(users.population(u));
        }
        usersSeen = users.count();

        AuthorStore authors = w.authors();
        b.authorFrom = authorsSeen;
        b.authorCount = authors.count() - authorsSeen;
        b.ensureAuthors(b.authorCount);
        for (int k = 0; k < b.authorCount; k++) {
            int a = authorsSeen + k;
            b.authorTopic[k] = authors.topic(a);
            b.authorJoined[k] = authors.joinedRound(a);
        }
        authorsSeen = authors.count();

        ItemStore items = w.items();
        b.itemFrom = itemsSeen;
        b.itemCount = items.count() - itemsSeen;
        b.ensureItems(b.itemCount);
        for (int k = 0; k < b.itemCount; k++) {
            int i = itemsSeen + k;
            b.itemAuthor[k] = items.author(i);
            b.itemCreated[k] = items.createdRound(i);
            b.itemQuality[k] = items.quality(i);
            b.itemTopic[k] = items.topic(i);
        }
        itemsSeen = items.count();
    }

    private static void captureClicks(RoundState st, RoundBuffer b) {
        int users = st.users();
        int total = 0;
        for (int u = 0; u < users; u++) {
            total += st.clickCount(u);
        }
        b.ensureClicks(users, total);
        int n = 0;
        int clicked = 0;
        for (int u = 0; u < users; u++) {
            int c = st.clickCount(u);
            if (c > 0) {
                b.clickUser[clicked] = u;
                b.clickFrom[clicked++] = n;
            }
            for (int k = 0; k < c; k++) {
                b.clickItem[n] = st.clickItem(u, k);
                b.clickPos[n] = st.clickPosition(u, k);
                b.clickLiked[n] = st.clickLiked(u, k);
                b.clickUtility[n] = st.clickUtility(u, k);
                n++;
            }
        }
        b.clickFrom[clicked] = n;
        b.clickUsers = clicked;
        b.clicks = n;
    }

    private void captureImpressions(RoundState st, int round, RoundBuffer b) {
        boolean all = options.impressions() == StoreOptions.ImpressionMode.full;
        double share = options.impressionSample();
        int users = st.users();
        int cap = st.slateCapacity();
        int[] slates = st.slates();
        byte[] channels = st.channels();
        int n = 0;
        int shown = 0;
        for (int u = 0; u < users; u++) {
            int len = st.slateLength(u);
            if (len == 0 || !all && !sampled(impressionSeed, round, u, share)) {
                continue;
            }
            b.ensureImpressions(shown + 1, n + len);
            b.impUser[shown] = u;
            b.impFrom[shown++] = n;
            System.arraycopy(slates, u * cap, b.impItem, n, len);
            System.arraycopy(channels, u * cap, b.impChannel, n, len);
            n += len;
        }
        b.ensureImpressions(shown, n);
        b.impFrom[shown] = n;
        b.slates = shown;
        b.impressions = n;
    }

    /** Whether user {@code u}'s slate of {@code round} is in an impression sample of share {@code share}. */
    static boolean sampled(long streamSeed, int round, int u, double share) {
        return (RandomStreams.seed(streamSeed, round, u) >>> 11) * 0x1.0p-53 < share;
    }

    private static void captureSnapshot(World w, RoundBuffer b) {
        LatentSpace space = w.space();
        int d = space.dims();
        UserStore users = w.users();
        ItemStore items = w.items();
        int nu = users.count();
        int ni = items.liveCount();
        b.ensureSnapshots(nu, ni, d);
        System.arraycopy(users.prefs(), 0, b.snapUserVec, 0, nu * d);
        for (int u = 0; u < nu; u++) {
            b.snapUserTopic[u] = space.nearestTopic(b.snapUserVec, u * d);
        }
        b.snapUsers = nu;
        float[] vec = items.vectors();
        for (int j = 0; j < ni; j++) {
            int i = items.liveItem(j);
            b.snapItemId[j] = i;
            b.snapItemTopic[j] = items.topic(i);
            System.arraycopy(vec, i * d, b.snapItemVec, j * d, d);
        }
        b.snapItems = ni;
    }

    // ---- write (simulation thread, or the writer thread in background mode) --------------------------------

    private void write(RoundBuffer b) throws SQLException {
        createTables(b.newTables);
        int r = b.round;
        for (Populations.Population p : b.populations) {
            insPopulation.setInt(1, p.id());
            insPopulation.setString(2, p.name());
            insPopulation.setString(3, p.model());
            insPopulation.setInt(4, p.joinedRound());
            insPopulation.addBatch();
        }
        flush(insPopulation, b.populations.size());
        for (int k = 0; k < b.userCount; k++) {
            insUser.setInt(1, b.userFrom + k);
            insUser.setInt(2, b.userTopic[k]);
            insUser.setInt(3, b.userPopulation[k]);
            insUser.setInt(4, b.userJoined[k]);
            insUser.setBoolean(5, b.userFake[k]);
            add(insUser, k);
        }
        flush(insUser, b.userCount);
        for (int k = 0; k < b.authorCount; k++) {
            insAuthor.setInt(1, b.authorFrom + k);
            insAuthor.setInt(2, b.authorTopic[k]);
            insAuthor.setInt(3, b.authorJoined[k]);
            add(insAuthor, k);
        }
        flush(insAuthor, b.authorCount);
        for (int k = 0; k < b.itemCount; k++) {
            insItem.setInt(1, b.itemFrom + k);
            insItem.setInt(2, b.itemAuthor[k]);
            insItem.setInt(3, b.itemCreated[k]);
            insItem.setFloat(4, b.itemQuality[k]);
            insItem.setInt(5, b.itemTopic[k]);
            add(insItem, k);
        }
        flush(insItem, b.itemCount);
        // One storage row per run of neighbouring users (Schema.PACKED). The boxed arrays are H2's way in for an
        // ARRAY parameter (it converts them to its own values at once, which allocates per element anyway).
        int[] clickRuns = packedRuns(b.clickFrom, b.clickUsers);
        insClick.insert(clickRuns.length - 1, (ps, o, g) -> {
            int k0 = clickRuns[g];
            int k1 = clickRuns[g + 1];
            int from = b.clickFrom[k0];
            int len = b.clickFrom[k1] - from;
            Integer[] users = ownerOfEach(b.clickFrom, b.clickUser, k0, k1);
            Integer[] items = new Integer[len];
            Short[] positions = new Short[len];
            Boolean[] liked = new Boolean[len];
            Float[] utility = new Float[len];
            for (int j = 0; j < len; j++) {
                items[j] = b.clickItem[from + j];
                positions[j] = (short) b.clickPos[from + j];
                liked[j] = b.clickLiked[from + j];
                utility[j] = b.clickUtility[from + j];
            }
            ps.setInt(o + 1, r);
            ps.setInt(o + 2, b.clickUser[k0]);
            ps.setObject(o + 3, users);
            ps.setObject(o + 4, items);
            ps.setObject(o + 5, positions);
            ps.setObject(o + 6, liked);
            ps.setObject(o + 7, utility);
        });
        int[] slateRuns = packedRuns(b.impFrom, b.slates);
        insImpression.insert(slateRuns.length - 1, (ps, o, g) -> {
            int k0 = slateRuns[g];
            int k1 = slateRuns[g + 1];
            int from = b.impFrom[k0];
            int len = b.impFrom[k1] - from;
            Integer[] users = ownerOfEach(b.impFrom, b.impUser, k0, k1);
            Short[] positions = new Short[len];
            Integer[] items = new Integer[len];
            Byte[] channels = new Byte[len];
            for (int j = 0, slateStart = from, k = k0; j < len; j++) {
                while (from + j == b.impFrom[k + 1]) { // the next user's slate starts here
                    slateStart = b.impFrom[++k];
                }
                positions[j] = (short) (from + j - slateStart);
                items[j] = b.impItem[from + j];
                channels[j] = b.impChannel[from + j];
            }
            ps.setInt(o + 1, r);
            ps.setInt(o + 2, b.impUser[k0]);
            ps.setObject(o + 3, users);
            ps.setObject(o + 4, positions);
            ps.setObject(o + 5, items);
            ps.setObject(o + 6, channels);
        });
        writeSnapshots(b);
        int m = 0;
        for (Map.Entry<String, Double> e : b.metrics.entrySet()) {
            insMetric.setInt(1, r);
            insMetric.setString(2, e.getKey());
            insMetric.setDouble(3, e.getValue());
            add(insMetric, m++);
        }
        flush(insMetric, m);
        for (RoundBuffer.Event e : b.events) {
            insEvent.setInt(1, e.seq());
            insEvent.setInt(2, e.round());
            insEvent.setString(3, e.type());
            insEvent.setString(4, e.description());
            insEvent.addBatch();
        }
        flush(insEvent, b.events.size());
        for (StoredRows rows : b.declared) {
            writeDeclared(rows);
        }
        if (r != RoundBuffer.NO_ROUND) {
            insRound.setInt(1, r);
            insRound.setString(2, b.recommender);
            insRound.setInt(3, b.users);
            insRound.setInt(4, b.liveItems);
            insRound.setObject(5, OffsetDateTime.now());
            insRound.executeUpdate();
            updProgress.setInt(1, r + 1);
            updProgress.executeUpdate();
        }
        conn.commit();
    }

    /** Creates declared tables and lists them in the catalogue, committed before any of their rows go in. */
    private void createTables(List<TableSpec> specs) throws SQLException {
        if (specs.isEmpty()) {
            return;
        }
        try (Statement s = conn.createStatement()) {
            for (TableSpec t : specs) {
                s.execute(Schema.ddl(t));
                for (String ddl : Schema.indexDdl(t)) {
                    s.execute(ddl);
                }
                catalogue(conn, Schema.BUILT_IN.size() + declaredIndex.get(t.name()), t, "component");
                declaredInserts.put(t.name(), conn.prepareStatement("INSERT INTO " + t.name() + " VALUES ("
                        + "?, ".repeat(t.columns().size() - 1) + "?)"));
            }
        }
        conn.commit();
    }

    private static void catalogue(Connection conn, int seq, TableSpec t, String origin) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + Schema.CATALOGUE.name()
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, seq);
            ps.setString(2, t.name());
            ps.setString(3, t.description());
            ps.setString(4, String.join(",", t.key()));
            ps.setString(5, t.roundColumn());
            ps.setString(6, String.join(",", t.volatileInOrder()));
            ps.setString(7, origin);
            ps.executeUpdate();
        }
    }

    private void writeDeclared(StoredRows rows) throws SQLException {
        int n = rows.rows();
        if (n == 0) {
            return;
        }
        PreparedStatement ps = declaredInserts.get(rows.spec.name());
        int width = rows.spec.columns().size();
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < width; c++) {
                Object v = rows.value(k, c);
                if (v == null) {
                    ps.setNull(c + 1, Types.NULL);
                } else if (v instanceof float[] f) {
                    ps.setObject(c + 1, boxed(f, 0, f.length));
                } else {
                    ps.setObject(c + 1, v);
                }
            }
            add(ps, k);
        }
        flush(ps, n);
    }

    private static Float[] boxed(float[] v, int off, int d) {
        Float[] out = new Float[d];
        for (int k = 0; k < d; k++) {
            out[k] = v[off + k];
        }
        return out;
    }

    /** For each value of users {@code k0 .. k1)} (values {@code from[k] .. from[k + 1])}), its user's id. */
    private static Integer[] ownerOfEach(int[] from, int[] user, int k0, int k1) {
        Integer[] owner = new Integer[from[k1] - from[k0]];
        for (int k = k0; k < k1; k++) {
            Arrays.fill(owner, from[k] - from[k0], from[k + 1] - from[k0], user[k]);
        }
        return owner;
    }

    /**
     * Splits {@code users} users whose values are {@code from[k] .. from[k + 1])} into runs of neighbours, one
     * per packed storage row: at most {@link Schema#PACKED_USERS} users and {@link Schema#PACKED_VALUES} values a
     * run, except that a user with more values has a run alone. Returns the boundaries: run g is users
     * {@code runs[g] .. runs[g + 1])}, and there are {@code runs.length - 1} runs.
     */
    static int[] packedRuns(int[] from, int users) {
        int[] runs = new int[users + 1];
        int g = 0;
        int k = 0;
        while (k < users) {
            runs[g++] = k;
            int start = from[k];
            int end = k + 1;
            while (end < users && end - k < Schema.PACKED_USERS && from[end + 1] - start <= Schema.PACKED_VALUES) {
                end++;
            }
            k = end;
        }
        runs[g] = users;
        return Arrays.copyOf(runs, g + 1);
    }

    private void writeSnapshots(RoundBuffer b) throws SQLException {
        int d = b.dims;
        for (int u = 0; u < b.snapUsers; u++) {
            snapshotRow(b.round, "user", u, b.snapUserTopic[u], b.snapUserVec, u * d, d);
            add(insSnapshot, u);
        }
        flush(insSnapshot, b.snapUsers);
        for (int j = 0; j < b.snapItems; j++) {
            snapshotRow(b.round, "item", b.snapItemId[j], b.snapItemTopic[j], b.snapItemVec, j * d, d);
            add(insSnapshot, j);
        }
        flush(insSnapshot, b.snapItems);
    }

    private void snapshotRow(int round, String kind, int id, int topic, float[] v, int off, int d)
            throws SQLException {
        Float[] boxed = boxed(v, off, d);
        insSnapshot.setInt(1, round);
        insSnapshot.setString(2, kind);
        insSnapshot.setInt(3, id);
        insSnapshot.setInt(4, topic);
        insSnapshot.setObject(5, boxed);
    }

    /** Adds the bound row to the batch; executes the batch when {@code index + 1} completes a full one. */
    private static void add(PreparedStatement ps, int index) throws SQLException {
        ps.addBatch();
        if ((index + 1) % BATCH == 0) {
            ps.executeBatch();
        }
    }

    /** Executes what is left in the batch of {@code rows} added rows. */
    private static void flush(PreparedStatement ps, int rows) throws SQLException {
        if (rows % BATCH != 0) {
            ps.executeBatch();
        }
    }

    private static void writeManifest(Connection conn, RunManifest m) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "MERGE INTO run_manifest KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.scenarioName());
            ps.setString(2, m.scenarioFile());
            ps.setString(3, m.scenarioSha256());
            ps.setString(4, m.scenarioText());
            ps.setLong(5, m.seed());
            ps.setInt(6, m.roundsPlanned());
            ps.setInt(7, m.roundsCompleted());
            ps.setInt(8, m.threads());
            ps.setString(9, m.rececoVersion());
            ps.setString(10, m.gitCommit());
            ps.setString(11, m.jvm());
            ps.setString(12, m.startedAt());
            ps.setString(13, m.endedAt());
            ps.setString(14, m.status());
            ps.setString(15, m.error());
            ps.setString(16, m.overridesJson());
            ps.setString(17, m.resolvedScenario());
            ps.setString(18, m.rerunOf());
            ps.executeUpdate();
        }
    }

    // ---- disk space ----------------------------------------------------------------------------------------

    /** Free space a round needs beyond twice the most the file grew in one round: the final manifest and close. */
    static final long MIN_FREE = 2L << 20;

    /**
     * Refuses to write round {@code round} (-1: the start) when the disk may not hold it: H2 failing a write
     * half-way through a round can leave a file whose unfinished transaction locks its tables for every later
     * reader. Refusing between rounds leaves the store usable: {@link #finish} still records the end.
     */
    private void checkRoom(int round) {
        long size;
        long free;
        try {
            size = Files.exists(RunDatabase.file(runDir)) ? Files.size(RunDatabase.file(runDir)) : 0;
            free = Files.getFileStore(runDir).getUsableSpace();
        } catch (IOException e) {
            return; // the store cannot say: let the write itself report
        }
        if (lastSize > 0) {
            maxGrowth = Math.max(maxGrowth, size - lastSize);
        }
        lastSize = size;
        long need = MIN_FREE + 2 * maxGrowth;
        if (free < need) {
            throw new DiskFullException(runDir, free, need, round);
        }
    }

    /** Whether the disk has less room left than the database file takes (a compaction could fill it). */
    private boolean lowOnSpace() {
        try {
            return Files.getFileStore(runDir).getUsableSpace() < Files.size(RunDatabase.file(runDir)) + MIN_FREE;
        } catch (IOException e) {
            return true;
        }
    }

    /** The disk holding the run directory has no room for the next round; nothing of it was written. */
    public static final class DiskFullException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DiskFullException(Path runDir, long free, long need, int round) {
            super(String.format(java.util.Locale.ROOT, "the disk holding %s is full: %s free, about %s needed to "
                    + "record %s; stopped with every complete round kept", runDir, mb(free), mb(need),
                    round < 0 ? "the start of the run" : "round " + round));
        }
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Whether {@code t} or a cause of it is the file system's "no space left". */
    static boolean noSpace(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x.getMessage() != null && x.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    // ---- failure handling --------------------------------------------------------------------------------

    private void awaitInFlight() {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(e);
        } catch (ExecutionException e) {
            throw fail(e.getCause());
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("run store in " + runDir + " failed earlier: " + failure.getMessage(),
                    failure);
        }
        if (closed) {
            throw new IllegalStateException("run store in " + runDir + " is closed");
        }
    }

    private IllegalStateException fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        if (noSpace(cause)) {
            long free = -1;
            try {
                free = Files.getFileStore(runDir).getUsableSpace();
            } catch (IOException ignored) {
                // reported as unknown
            }
            return new IllegalStateException("the disk holding " + runDir + " is full (" + (free < 0 ? "unknown"
                    : mb(free)) + " free): No space left on device", cause);
        }
        return new IllegalStateException("writing the run database in " + runDir + " failed: " + cause.getMessage(),
                cause);
    }
}
