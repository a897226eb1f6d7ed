package org.receco.core.round;

import java.util.Arrays;

/**
 * What happened in the current round, struct-of-arrays over users: each user's slate (item ids, in rank
 * order, with the channel that filled each position) and the user's clicks (item, slate position, liked,
 * realised utility, and in a rating world an explicit 1–5 rating and an optional short review). Reused every
 * round; nothing here is allocated per agent (a review's text is the one object a click may carry).
 */
public final class RoundState {
    /** Slate channels, in SimuLine's fill order. */
    public static final byte HOT = 0, MATCH = 1, COLD_START = 2, PROMOTE = 3, EXPLORE = 4;
    public static final String[] CHANNEL_NAMES = {"hot", "match", "cold-start", "promote", "explore"};

    private int round = -1;
    private int users;
    private final int slateCap;
    private int clickCap;
    private int[] slate = new int[0];
    private byte[] channel = new byte[0];
    private int[] slateLen = new int[0];
    private int[] clickItem = new int[0];
    private int[] clickPos = new int[0];
    private boolean[] clickLiked = new boolean[0];
    private float[] clickUtility = new float[0];
    /** 0 = not rated; 1–5 = the explicit rating given with the click. */
    private byte[] clickRating = new byte[0];
    /** Review texts by click slot, allocated only once some model writes a review. */
    private String[] clickReview;
    private int[] clickCount = new int[0];

    public RoundState(int slateCap, int clickCap) {
        this.slateCap = slateCap;
        this.clickCap = clickCap;
    }

    /**
     * Raises the clicks each user may record in a round to at least {@code cap} (a population with a larger
     * {@link org.receco.core.spi.UserChoiceModel#maxClicks()} joined). Called between rounds; the click arrays
     * are laid out again at the new stride with the current round's clicks kept, so views of the round just
     * played stay right.
     */
    public void ensureClickCapacity(int cap) {
        if (cap <= clickCap) {
            return;
        }
        int rows = clickCount.length;
        int[] item = new int[rows * cap];
        int[] pos = new int[rows * cap];
        boolean[] liked = new boolean[rows * cap];
        float[] utility = new float[rows * cap];
        byte[] rating = new byte[rows * cap];
        String[] review = clickReview == null ? null : new String[rows * cap];
        for (int u = 0; u < users; u++) {
            int n = clickCount[u];
            System.arraycopy(clickItem, u * clickCap, item, u * cap, n);
            System.arraycopy(clickPos, u * clickCap, pos, u * cap, n);
            System.arraycopy(clickLiked, u * clickCap, liked, u * cap, n);
            System.arraycopy(clickUtility, u * clickCap, utility, u * cap, n);
            System.arraycopy(clickRating, u * clickCap, rating, u * cap, n);
            if (review != null) {
                System.arraycopy(clickReview, u * clickCap, review, u * cap, n);
            }
        }
        clickRating = rating;
        clickReview = review;
        clickItem = item;
        clickPos = pos;
        clickLiked = liked;
        clickUtility = utility;
        clickCap = cap;
    }

    /** Starts round {@code r} for {@code userCount} users, clearing slates and clicks. */
    public void begin(int r, int userCount) {
        round = r;
        users = userCount;
        if (slateLen.length < userCount) {
            int c = Math.max(userCount, slateLen.length * 3 / 2);
            slate = new int[c * slateCap];
            channel = new byte[c * slateCap];
            slateLen = new int[c];
            clickItem = new int[c * clickCap];
            clickPos = new int[c * clickCap];
            clickLiked = new boolean[c * clickCap];
            clickUtility = new float[c * clickCap];
            clickRating = new byte[c * clickCap];
            clickReview = clickReview == null ? null : new String[c * clickCap];
            clickCount = new int[c];
        }
        Arrays.fill(slateLen, 0, userCount, 0);
        Arrays.fill(clickCount, 0, userCount, 0);
    }

    public int round() {
        return round;
    }

    /** Users taking part this round: ids {@code 0..users()}. */
    public int users() {
        return users;
    }

    public int slateCapacity() {
        return slateCap;
    }

    public int clickCapacity() {
        return clickCap;
    }

    /** All slates; user {@code u}'s at {@code [u*slateCapacity(), +slateLength(u))}. */
    public int[] slates() {
        return slate;
    }

    public byte[] channels() {
        return channel;
    }

    public int slateLength(int u) {
        return slateLen[u];
    }

    public void setSlateLength(int u, int n) {
        slateLen[u] = n;
    }

    public int slateItem(int u, int pos) {
        return slate[u * slateCap + pos];
    }

    public int clickCount(int u) {
        return clickCount[u];
    }

    /**
     * Replaces user {@code u}'s slate by {@code items[off..off+n)}, before any click of {@code u} this round: for an
     * account that reaches items by itself (search, a direct link) rather than through the recommender, as the fake
     * accounts of a shilling attack do (Lam &amp; Riedl, WWW 2004). Its clicks then name positions of this slate, and
     * the feedback phase counts these positions as exposures, as a platform counts page views. A position keeps
     * the channel the composer gave it. Thread-safe per distinct user.
     *
     * @throws IllegalArgumentException if {@code n} exceeds the slate capacity
     * @throws IllegalStateException    if {@code u} has clicked already this round
     */
    public void replaceSlate(int u, int[] items, int off, int n) {
        if (n < 0 || n > slateCap) {
            throw new IllegalArgumentException("a slate holds at most " + slateCap + " items, got " + n);
        }
        if (clickCount[u] > 0) {
            throw new IllegalStateException("user " + u + " has clicked already this round; its slate is fixed");
        }
        System.arraycopy(items, off, slate, u * slateCap, n);
        slateLen[u] = n;
    }

    /**
     * Records a click by {@code u} on the item at slate position {@code pos}. Thread-safe per distinct user.
     *
     * @throws ClickOverflowException if {@code u} already has {@link #clickCapacity()} clicks this round: a
     *                                user model clicked more than the most any population declared
     */
    public void addClick(int u, int pos, boolean liked, float utility) {
        addClick(u, pos, liked, utility, 0);
    }

    /**
     * Records a click with an explicit rating ({@code 1..5}, or 0 for none), as a rating world's users give
     * (Gu et al. 2025, Agent4SR; the MovieLens scale). Thread-safe per distinct user.
     *
     * @throws IllegalArgumentException if {@code rating} is outside {@code 0..5}
     */
    public void addClick(int u, int pos, boolean liked, float utility, int rating) {
        if (rating < 0 || rating > 5) {
            throw new IllegalArgumentException("rating " + rating + " of user " + u + " is outside 1..5 (0 = none)");
        }
        int n = clickCount[u];
        if (n == clickCap) {
            throw new ClickOverflowException(u, clickCap);
        }
        clickCount[u] = n + 1;
        int k = u * clickCap + n;
        clickItem[k] = slate[u * slateCap + pos];
        clickPos[k] = pos;
        clickLiked[k] = liked;
        clickUtility[k] = utility;
        clickRating[k] = (byte) rating;
        if (clickReview != null) {
            clickReview[k] = null;
        }
    }

    /**
     * Attaches a short review to user {@code u}'s click {@code c} of this round. Not thread-safe the first time
     * any review is written in a run (it allocates the review slots); call {@link #enableReviews()} before a
     * parallel phase whose model writes reviews.
     */
    public void setClickReview(int u, int c, String text) {
        if (c < 0 || c >= clickCount[u]) {
            throw new IndexOutOfBoundsException("user " + u + " has no click " + c + " this round");
        }
        if (clickReview == null) {
            enableReviews();
        }
        clickReview[u * clickCap + c] = text;
    }

    /** Allocates the review slots (once a model that writes reviews joins). */
    public synchronized void enableReviews() {
        if (clickReview == null) {
            clickReview = new String[clickItem.length];
        }
    }

    /** Whether any review slot exists (a model that writes reviews has joined). */
    public boolean reviewsEnabled() {
        return clickReview != null;
    }

    public int clickItem(int u, int c) {
        return clickItem[u * clickCap + c];
    }

    public int clickPosition(int u, int c) {
        return clickPos[u * clickCap + c];
    }

    public boolean clickLiked(int u, int c) {
        return clickLiked[u * clickCap + c];
    }

    public float clickUtility(int u, int c) {
        return clickUtility[u * clickCap + c];
    }

    /** The click's explicit rating, 1–5, or 0 if the user gave none. */
    public int clickRating(int u, int c) {
        return clickRating[u * clickCap + c];
    }

    /** The click's review, or null. */
    public String clickReview(int u, int c) {
        return clickReview == null ? null : clickReview[u * clickCap + c];
    }

    /** A user model recorded more clicks than the state holds per user; the kernel adds the population. */
    public static final class ClickOverflowException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int user;
        private final int capacity;

        ClickOverflowException(int user, int capacity) {
            super("user " + user + " made more than " + capacity + " clicks in one round, the click capacity "
                    + "(the largest maxClicks() of any population)");
            this.user = user;
            this.capacity = capacity;
        }

        public int user() {
            return user;
        }

        public int capacity() {
            return capacity;
        }
    }
}
