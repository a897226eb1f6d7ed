package org.receco.analysis.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.receco.core.rng.RandomStreams;
import org.receco.core.world.Attacks;

/**
 * Everything a metric may read about one round, in one shape whether it comes from a live run
 * ({@link LiveSource}) or from a finished run's database ({@link DbSource}); metrics compute from this only,
 * so live and offline values are equal. Struct-of-arrays, reused round after round (nothing is allocated per
 * agent once the arrays have grown).
 *
 * <p>Contents. Always: the round, the users taking part (ids {@code 0..users())}), the item catalogue (author,
 * topic, creation round, quality as at publication, for every item published so far), the authors that exist,
 * users' topic of origin, and the live item ids (ascending). Per {@link Need}, when {@link #has} says so:
 * slates in CSR form ({@link #slateStart()}: user {@code u}'s slate is {@code [slateStart[u], slateStart[u+1])} in
 * rank order); clicks in CSR form, per user in slate-position order; user vectors now, a round ago and at
 * join ({@code u*d..u*d+d}); item vectors by item id ({@code i*d..}).
 *
 * <p>Derived by {@link #derive()} (identically in both modes): per-item counts of this round (exposures,
 * clicks, likes), position-weighted exposure E(i) = Σ_u Σ_r 1[L_u(r) = i] / log2(r + 1), and popularity
 * φ(i) = clicks on i in earlier rounds (what a recommender could see when composing this round's slates).
 *
 * <p>Populations. Each user's population (id and name) is here; {@link #restrictTo} limits what metrics see to
 * the users of some populations: {@link #derive()} then lays out the included users densely, in id order, and
 * every user-indexed reading (slates, clicks, topics, vectors, {@link #users()}) and the per-item counts cover
 * them only. {@link #userId(int)} maps back to the run's id. Because ids are only ever appended and a user never
 * changes population, an included user keeps its dense index from round to round.
 *
 * <p>Fake users. The accounts of a shilling attack (users of a fake population, {@code users.fake}) are never
 * seen by metrics: they are left out as an excluded population is, whatever {@link #restrictTo} names, so every
 * metric is a genuine-user metric. The attacks themselves (targets, windows) are here for the metrics of their
 * effect ({@link #attacks()}).
 *
 * <p>Fill protocol for sources: {@link #beginRound}, the {@code set*} / {@code add*} methods, then
 * {@link #derive()}. Not thread-safe.
 */
public final class RoundData {
    private final int dims;
    private int round = -1;
    private int users;
    private final EnumSet<Need> available = EnumSet.noneOf(Need.class);
    private boolean clickHistoryComplete = true;

    private int itemCount;
    private int[] itemAuthor = new int[0];
    private int[] itemTopic = new int[0];
    private int[] itemCreated = new int[0];
    private float[] itemQuality = new float[0];
    private int authorCount;
    private int[] authorTopic = new int[0];
    private int userCount;
    private int[] userTopic = new int[0];
    private int[] userPopulation = new int[0];
    private boolean[] userFake = new boolean[0];
    private boolean anyFake;
    private int fakeUsers;
    private long fakeClicks;
    private final List<Attacks.Attack> attacks = new ArrayList<>();
    private final List<String> populationNames = new ArrayList<>();
    /** Names of the populations metrics see; empty = all. */
    private List<String> only = List.of();
    /** Share of users metrics see ({@link #sampleUsers}); 1 = every user. */
    private double userShare = 1;
    private long userSampleSeed;
    private int[] live = new int[0];
    private int liveCount;

    private int slateTotal, slateUser, clickTotal, clickUser;
    private int[] slateStart = new int[1];
    private int[] slateItem = new int[0];
    private byte[] slateChannel = new byte[0];
    private int[] clickStart = new int[1];
    private int[] clickItem = new int[0];
    private int[] clickPos = new int[0];
    private boolean[] clickLiked = new boolean[0];
    private float[] clickUtility = new float[0];

    private float[] userVec = new float[0];
    private float[] prevUserVec = new float[0];
    private float[] initUserVec = new float[0];
    private float[] itemVec = new float[0];

    private int[] roundExposures = new int[0];
    private int[] roundClicks = new int[0];
    private int[] roundLikes = new int[0];
    private double[] posExposure = new double[0];
    private long[] popularity = new long[0];
    private long[] cumClicks = new long[0];
    private static final double[] LOG2 = new double[4097];

    /**
     * What metrics read: the filled arrays themselves, or (with {@link #restrictTo}) dense copies of the included
     * users' rows, made by {@link #derive()}.
     */
    private int vUsers;
    private int[] vSlateStart = slateStart, vSlateItem = slateItem, vClickStart = clickStart, vClickItem = clickItem;
    private int[] vClickPos = clickPos, vUserTopic = userTopic, vUserPopulation = userPopulation;
    private int[] vUserId = new int[0];
    private byte[] vSlateChannel = slateChannel;
    private boolean[] vClickLiked = clickLiked;
    private float[] vClickUtility = clickUtility, vUserVec = userVec, vPrevUserVec = prevUserVec,
            vInitUserVec = initUserVec;

    static {
        for (int r = 1; r < LOG2.length; r++) {
            LOG2[r] = 1.0 / (Math.log(r + 1) / Math.log(2));
        }
    }

    public RoundData(int dims) {
        this.dims = dims;
    }

    // ---- reading --------------------------------------------------------------------------------------

    public int dims() {
        return dims;
    }

    public int round() {
        return round;
    }

    /** Users taking part this round: ids {@code 0..users()}. */
    public int users() {
        return vUsers;
    }

    /** The run's id of user {@code u} (equal to {@code u} unless {@link #restrictTo} excludes populations). */
    public int userId(int u) {
        return restricted() ? vUserId[u] : u;
    }

    /** Whether some users are left out (a population restriction, or fake users). */
    private boolean restricted() {
        return !only.isEmpty() || anyFake || userShare < 1;
    }

    /**
     * Limits what metrics see to a fixed sample of users: each user is in it with probability {@code share},
     * decided once by a hash of (stream {@code seed}, user id), so the sample stays the same every round, takes
     * in users who join later at the same rate, and never changes the run. Takes effect at the next
     * {@link #derive()}; on top of {@link #restrictTo}.
     */
    public void sampleUsers(double share, long seed) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("user share must be in (0, 1], got " + share);
        }
        userShare = share;
        userSampleSeed = seed;
    }

    /** Whether user {@code u} (a run's id) is left out by {@link #sampleUsers}; sources need not fill its rows. */
    public boolean sampledOut(int u) {
        return userShare < 1 && (RandomStreams.seed(userSampleSeed, 0, u) >>> 11) * 0x1.0p-53 >= userShare;
    }

    /** Fake accounts taking part this round (never among {@link #users()}). */
    public int fakeUsers() {
        return fakeUsers;
    }

    /** Clicks (each a rating) of the fake accounts this round: the attack's cost, never any metric's input. */
    public long fakeClicks() {
        return fakeClicks;
    }

    /** The shilling attacks begun by this round, in the order they began. */
    public List<Attacks.Attack> attacks() {
        return java.util.Collections.unmodifiableList(attacks);
    }

    /** Records an attack (sources: once, in the round it began). */
    public void addAttack(Attacks.Attack a) {
        attacks.add(a);
    }

    /** Population id of user {@code u} (0 = the scenario's first population). */
    public int userPopulation(int u) {
        return vUserPopulation[u];
    }

    /** Populations known so far, by id. */
    public int populationCount() {
        return populationNames.size();
    }

    public String populationName(int p) {
        return populationNames.get(p);
    }

    /** The population names metrics are restricted to; empty = every population. */
    public List<String> restriction() {
        return only;
    }

    /** Whether this round carries input of kind {@code need}. */
    public boolean has(Need need) {
        return available.contains(need);
    }

    /** Whether every need in {@code needs} is available. */
    public boolean hasAll(Set<Need> needs) {
        return available.containsAll(needs);
    }

    /** Items published so far (ids {@code 0..itemCount())}. */
    public int itemCount() {
        return itemCount;
    }

    public int itemAuthor(int i) {
        return itemAuthor[i];
    }

    public int itemTopic(int i) {
        return itemTopic[i];
    }

    public int itemCreated(int i) {
        return itemCreated[i];
    }

    /** Quality as at publication. */
    public float itemQuality(int i) {
        return itemQuality[i];
    }

    /** Authors existing at this round (ids {@code 0..authorCount())}. */
    public int authorCount() {
        return authorCount;
    }

    public int authorTopic(int a) {
        return authorTopic[a];
    }

    /** Topic of origin of user {@code u}. */
    public int userTopic(int u) {
        return vUserTopic[u];
    }

    public int liveCount() {
        return liveCount;
    }

    /** Live item ids, ascending, in {@code [0, liveCount())}. */
    public int[] live() {
        return live;
    }

    public int[] slateStart() {
        return vSlateStart;
    }

    public int[] slateItems() {
        return vSlateItem;
    }

    public byte[] slateChannels() {
        return vSlateChannel;
    }

    public int slateLength(int u) {
        return vSlateStart[u + 1] - vSlateStart[u];
    }

    public int[] clickStart() {
        return vClickStart;
    }

    public int[] clickItems() {
        return vClickItem;
    }

    public int[] clickPositions() {
        return vClickPos;
    }

    public boolean[] clickLiked() {
        return vClickLiked;
    }

    public float[] clickUtilities() {
        return vClickUtility;
    }

    public int clickCount(int u) {
        return vClickStart[u + 1] - vClickStart[u];
    }

    public float[] userVectors() {
        return vUserVec;
    }

    public float[] previousUserVectors() {
        return vPrevUserVec;
    }

    public float[] initialUserVectors() {
        return vInitUserVec;
    }

    /** Item vectors by id; valid for the live items when {@link Need#ITEM_VECTORS} is available. */
    public float[] itemVectors() {
        return itemVec;
    }

    public int[] roundExposures() {
        return roundExposures;
    }

    public int[] roundClicks() {
        return roundClicks;
    }

    public int[] roundLikes() {
        return roundLikes;
    }

    /** Position-weighted exposure this round, E(i) = Σ 1/log2(rank + 1), rank counted from 1. */
    public double[] positionExposure() {
        return posExposure;
    }

    /** φ(i): clicks on item i in all earlier rounds. Valid when {@link Need#CLICKS} is available. */
    public long[] popularity() {
        return popularity;
    }

    /** 1 / log2(rank + 1) for rank ≥ 1. */
    public static double discount(int rank) {
        return rank < LOG2.length ? LOG2[rank] : 1.0 / (Math.log(rank + 1) / Math.log(2));
    }

    // ---- filling (sources) ------------------------------------------------------------------------------

    /**
     * Restricts what metrics see to the users of the populations called {@code names} (empty: every
     * population); takes effect at the next {@link #derive()}. A name no population has (yet) includes nobody.
     */
    public void restrictTo(Collection<String> names) {
        only = List.copyOf(names);
    }

    /** Names population {@code p} (ids are dense and set in order). */
    public void setPopulation(int p, String name) {
        while (populationNames.size() <= p) {
            populationNames.add("population " + populationNames.size());
        }
        populationNames.set(p, name);
    }

    /** Starts round {@code r} with {@code userCount} users taking part; clears availability. */
    public void beginRound(int r, int userCount) {
        round = r;
        users = userCount;
        available.clear();
        if (slateStart.length < userCount + 1) {
            slateStart = new int[userCount + 1];
            clickStart = new int[userCount + 1];
        }
        slateStart[0] = 0;
        clickStart[0] = 0;
        slateTotal = slateUser = clickTotal = clickUser = 0;
    }

    /** Adds or updates item {@code i}'s catalogue entry (ids must be dense). */
    public void setItem(int i, int author, int topic, int created, float quality) {
        if (i >= itemAuthor.length) {
            int c = Math.max(i + 1, itemAuthor.length * 2);
            itemAuthor = Arrays.copyOf(itemAuthor, c);
            itemTopic = Arrays.copyOf(itemTopic, c);
            itemCreated = Arrays.copyOf(itemCreated, c);
            itemQuality = Arrays.copyOf(itemQuality, c);
        }
        itemAuthor[i] = author;
        itemTopic[i] = topic;
        itemCreated[i] = created;
        itemQuality[i] = quality;
        itemCount = Math.max(itemCount, i + 1);
    }

    public void setAuthor(int a, int topic) {
        if (a >= authorTopic.length) {
            authorTopic = Arrays.copyOf(authorTopic, Math.max(a + 1, authorTopic.length * 2));
        }
        authorTopic[a] = topic;
    }

    /** Authors existing this round: ids {@code 0..n}. */
    public void setAuthorCount(int n) {
        authorCount = n;
    }

    public void setUser(int u, int topic) {
        setUser(u, topic, 0);
    }

    /** User {@code u}'s topic of origin and population. */
    public void setUser(int u, int topic, int population) {
        setUser(u, topic, population, false);
    }

    /** User {@code u}'s topic of origin, population, and whether it is fake (then no metric sees it). */
    public void setUser(int u, int topic, int population, boolean fake) {
        if (u >= userTopic.length) {
            int c = Math.max(u + 1, userTopic.length * 2);
            userTopic = Arrays.copyOf(userTopic, c);
            userPopulation = Arrays.copyOf(userPopulation, c);
            userFake = Arrays.copyOf(userFake, c);
        }
        userTopic[u] = topic;
        userPopulation[u] = population;
        userFake[u] = fake;
        anyFake |= fake;
        userCount = Math.max(userCount, u + 1);
    }

    /** Live items this round: the items {@code ids[0..n)}, ascending. */
    public void setLive(int[] ids, int n) {
        if (live.length < n) {
            live = new int[Math.max(n, live.length * 3 / 2)];
        }
        System.arraycopy(ids, 0, live, 0, n);
        liveCount = n;
    }

    /** Live items this round: the contiguous id range {@code [from, to)}. */
    public void setLiveRange(int from, int to) {
        int n = to - from;
        if (live.length < n) {
            live = new int[Math.max(n, live.length * 3 / 2)];
        }
        for (int j = 0; j < n; j++) {
            live[j] = from + j;
        }
        liveCount = n;
    }

    /** Appends one slate position of user {@code u}; users in ascending order, positions in rank order. */
    public void addImpression(int u, int item, byte channel) {
        while (slateUser < u) {
            slateStart[++slateUser] = slateTotal;
        }
        int n = slateTotal++;
        if (n == slateItem.length) {
            int c = Math.max(1024, n * 2);
            slateItem = Arrays.copyOf(slateItem, c);
            slateChannel = Arrays.copyOf(slateChannel, c);
        }
        slateItem[n] = item;
        slateChannel[n] = channel;
    }

    /** Appends one click of user {@code u}; users in ascending order, each user's clicks by slate position. */
    public void addClick(int u, int item, int position, boolean liked, float utility) {
        while (clickUser < u) {
            clickStart[++clickUser] = clickTotal;
        }
        int n = clickTotal++;
        if (n == clickItem.length) {
            int c = Math.max(1024, n * 2);
            clickItem = Arrays.copyOf(clickItem, c);
            clickPos = Arrays.copyOf(clickPos, c);
            clickLiked = Arrays.copyOf(clickLiked, c);
            clickUtility = Arrays.copyOf(clickUtility, c);
        }
        clickItem[n] = item;
        clickPos[n] = position;
        clickLiked[n] = liked;
        clickUtility[n] = utility;
    }

    /** Marks input of kind {@code need} as present for this round. */
    public void provide(Need need) {
        available.add(need);
    }

    /** A buffer for user vectors now, sized for {@code n} users; fill it, then {@link #provide}. */
    public float[] userVectorBuffer(int n) {
        userVec = ensure(userVec, n * dims);
        return userVec;
    }

    public float[] previousUserVectorBuffer(int n) {
        prevUserVec = ensure(prevUserVec, n * dims);
        return prevUserVec;
    }

    public float[] initialUserVectorBuffer(int n) {
        initUserVec = ensure(initUserVec, n * dims);
        return initUserVec;
    }

    /** A buffer for item vectors by id, sized for {@code n} items (kept across rounds: items never move). */
    public float[] itemVectorBuffer(int n) {
        if (itemVec.length < n * dims) {
            itemVec = Arrays.copyOf(itemVec, Math.max(n * dims, itemVec.length * 2));
        }
        return itemVec;
    }

    /** Swaps the current and previous user vector buffers (for sources that read one snapshot per round). */
    public void rotateUserVectors() {
        float[] t = prevUserVec;
        prevUserVec = userVec;
        userVec = t;
    }

    /** Dense copies of the included users' rows (allocated once they must grow, like the filled arrays). */
    private void restrict() {
        boolean[] in = new boolean[populationNames.size()];
        for (int p = 0; p < in.length; p++) {
            in[p] = only.contains(populationNames.get(p));
        }
        int k = 0;
        vUserId = grow(vUserId, users);
        for (int u = 0; u < users; u++) {
            int p = userPopulation[u];
            if ((only.isEmpty() || p < in.length && in[p]) && !userFake[u] && !sampledOut(u)) {
                vUserId[k++] = u;
            }
        }
        vUsers = k;
        if (vSlateStart == slateStart || vSlateStart.length < k + 1) {
            vSlateStart = new int[Math.max(k + 1, slateStart.length)];
            vClickStart = new int[Math.max(k + 1, clickStart.length)];
        }
        if (vUserTopic == userTopic || vUserTopic.length < k) {
            vUserTopic = new int[Math.max(k, userTopic.length)];
            vUserPopulation = new int[Math.max(k, userTopic.length)];
        }
        int slates = 0;
        int clicks = 0;
        for (int j = 0; j < k; j++) {
            int u = vUserId[j];
            slates += slateStart[u + 1] - slateStart[u];
            clicks += clickStart[u + 1] - clickStart[u];
        }
        if (vSlateItem == slateItem || vSlateItem.length < slates) {
            vSlateItem = new int[Math.max(slates, 16)];
            vSlateChannel = new byte[vSlateItem.length];
        }
        if (vClickItem == clickItem || vClickItem.length < clicks) {
            int c = Math.max(clicks, 16);
            vClickItem = new int[c];
            vClickPos = new int[c];
            vClickLiked = new boolean[c];
            vClickUtility = new float[c];
        }
        int d = dims;
        vUserVec = rows(vUserVec == userVec ? new float[0] : vUserVec, userVec, k, d);
        vPrevUserVec = rows(vPrevUserVec == prevUserVec ? new float[0] : vPrevUserVec, prevUserVec, k, d);
        vInitUserVec = rows(vInitUserVec == initUserVec ? new float[0] : vInitUserVec, initUserVec, k, d);
        int sk = 0;
        int ck = 0;
        for (int j = 0; j < k; j++) {
            int u = vUserId[j];
            vUserTopic[j] = userTopic[u];
            vUserPopulation[j] = userPopulation[u];
            vSlateStart[j] = sk;
            int sl = slateStart[u + 1] - slateStart[u];
            System.arraycopy(slateItem, slateStart[u], vSlateItem, sk, sl);
            System.arraycopy(slateChannel, slateStart[u], vSlateChannel, sk, sl);
            sk += sl;
            vClickStart[j] = ck;
            int cl = clickStart[u + 1] - clickStart[u];
            System.arraycopy(clickItem, clickStart[u], vClickItem, ck, cl);
            System.arraycopy(clickPos, clickStart[u], vClickPos, ck, cl);
            System.arraycopy(clickLiked, clickStart[u], vClickLiked, ck, cl);
            System.arraycopy(clickUtility, clickStart[u], vClickUtility, ck, cl);
            ck += cl;
            copyRow(userVec, vUserVec, u, j, d);
            copyRow(prevUserVec, vPrevUserVec, u, j, d);
            copyRow(initUserVec, vInitUserVec, u, j, d);
        }
        vSlateStart[k] = sk;
        vClickStart[k] = ck;
    }

    private static float[] rows(float[] view, float[] filled, int k, int d) {
        int n = Math.min(filled.length, k * d);
        return view.length >= n ? view : new float[Math.max(n, view.length * 3 / 2)];
    }

    private static void copyRow(float[] from, float[] to, int u, int j, int d) {
        if ((u + 1) * d <= from.length && (j + 1) * d <= to.length) {
            System.arraycopy(from, u * d, to, j * d, d);
        }
    }

    private static int[] grow(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, a.length * 3 / 2)];
    }

    private static float[] ensure(float[] a, int n) {
        return a.length >= n ? a : new float[Math.max(n, a.length * 3 / 2)];
    }

    /**
     * Computes the derived per-item arrays from the filled slates and clicks. {@link Need#CLICKS} stays
     * available only if every round so far had it (popularity is cumulative).
     */
    public void derive() {
        while (slateUser < users) {
            slateStart[++slateUser] = slateTotal;
        }
        while (clickUser < users) {
            clickStart[++clickUser] = clickTotal;
        }
        fakeUsers = 0;
        fakeClicks = 0;
        if (anyFake) {
            for (int u = 0; u < users; u++) {
                if (userFake[u]) {
                    fakeUsers++;
                    fakeClicks += clickStart[u + 1] - clickStart[u];
                }
            }
        }
        if (!restricted()) {
            vUsers = users;
            vSlateStart = slateStart;
            vSlateItem = slateItem;
            vSlateChannel = slateChannel;
            vClickStart = clickStart;
            vClickItem = clickItem;
            vClickPos = clickPos;
            vClickLiked = clickLiked;
            vClickUtility = clickUtility;
            vUserTopic = userTopic;
            vUserPopulation = userPopulation;
            vUserVec = userVec;
            vPrevUserVec = prevUserVec;
            vInitUserVec = initUserVec;
        } else {
            restrict();
        }
        int users = vUsers;
        int[] slateStart = vSlateStart;
        int[] slateItem = vSlateItem;
        int[] clickStart = vClickStart;
        int[] clickItem = vClickItem;
        boolean[] clickLiked = vClickLiked;
        int n = itemCount;
        if (roundExposures.length < n) {
            int c = Math.max(n, roundExposures.length * 2);
            roundExposures = Arrays.copyOf(roundExposures, c);
            roundClicks = Arrays.copyOf(roundClicks, c);
            roundLikes = Arrays.copyOf(roundLikes, c);
            posExposure = Arrays.copyOf(posExposure, c);
            popularity = Arrays.copyOf(popularity, c);
            cumClicks = Arrays.copyOf(cumClicks, c);
        }
        for (int j = 0; j < liveCount; j++) {
            int i = live[j];
            roundExposures[i] = 0;
            roundClicks[i] = 0;
            roundLikes[i] = 0;
            posExposure[i] = 0;
        }
        if (available.contains(Need.SLATES)) {
            for (int u = 0; u < users; u++) {
                for (int k = slateStart[u], e = slateStart[u + 1]; k < e; k++) {
                    int i = slateItem[k];
                    roundExposures[i]++;
                    posExposure[i] += discount(k - slateStart[u] + 1);
                }
            }
        }
        if (!available.contains(Need.CLICKS)) {
            clickHistoryComplete = false;
        }
        if (clickHistoryComplete) {
            int total = clickStart[users];
            for (int k = 0; k < total; k++) {
                int i = clickItem[k];
                roundClicks[i]++;
                if (clickLiked[k]) {
                    roundLikes[i]++;
                }
            }
            for (int j = 0; j < liveCount; j++) {
                int i = live[j];
                popularity[i] = cumClicks[i];
                cumClicks[i] += roundClicks[i];
            }
        } else {
            available.remove(Need.CLICKS);
        }
    }
}
