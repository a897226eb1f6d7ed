package org.receco.analysis.data;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

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
        return users;
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
        return userTopic[u];
    }

    public int liveCount() {
        return liveCount;
    }

    /** Live item ids, ascending, in {@code [0, liveCount())}. */
    public int[] live() {
        return live;
    }

    public int[] slateStart() {
        return slateStart;
    }

    public int[] slateItems() {
        return slateItem;
    }

    public byte[] slateChannels() {
        return slateChannel;
    }

    public int slateLength(int u) {
        return slateStart[u + 1] - slateStart[u];
    }

    public int[] clickStart() {
        return clickStart;
    }

    public int[] clickItems() {
        return clickItem;
    }

    public int[] clickPositions() {
        return clickPos;
    }

    public boolean[] clickLiked() {
        return clickLiked;
    }

    public float[] clickUtilities() {
        return clickUtility;
    }

    public int clickCount(int u) {
        return clickStart[u + 1] - clickStart[u];
    }

    public float[] userVectors() {
        return userVec;
    }

    public float[] previousUserVectors() {
        return prevUserVec;
    }

    public float[] initialUserVectors() {
        return initUserVec;
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
        if (u >= userTopic.length) {
            userTopic = Arrays.copyOf(userTopic, Math.max(u + 1, userTopic.length * 2));
        }
        userTopic[u] = topic;
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
