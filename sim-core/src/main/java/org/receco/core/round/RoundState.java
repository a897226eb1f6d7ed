package org.receco.core.round;

import java.util.Arrays;

/**
 * What happened in the current round, struct-of-arrays over users: each user's slate (item ids, in rank
 * order, with the channel that filled each position) and the user's clicks (item, slate position, liked,
 * realised utility). Reused every round; nothing here is allocated per agent.
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
        for (int u = 0; u < users; u++) {
            int n = clickCount[u];
            System.arraycopy(clickItem, u * clickCap, item, u * cap, n);
            System.arraycopy(clickPos, u * clickCap, pos, u * cap, n);
            System.arraycopy(clickLiked, u * clickCap, liked, u * cap, n);
            System.arraycopy(clickUtility, u * clickCap, utility, u * cap, n);
        }
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
     * Records a click by {@code u} on the item at slate position {@code pos}. Thread-safe per distinct user.
     *
     * @throws ClickOverflowException if {@code u} already has {@link #clickCapacity()} clicks this round: a
     *                                user model clicked more than the most any population declared
     */
    public void addClick(int u, int pos, boolean liked, float utility) {
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
