package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.world.FeedbackLog;

/**
 * The entries of a {@link FeedbackLog} a recommender learns from, read from a cursor so each log entry is looked
 * at once, and kept in log order (so rounds are non-decreasing) as (user, item, round, stars) in primitive
 * arrays. A {@link Filter} (a {@link FeedbackSignal}, or {@link #RATED}) decides which entries are kept. Training
 * windows are suffixes ({@link #firstFrom}), and a recommender that no longer needs old entries forgets a prefix
 * ({@link #dropBefore}). Nothing is allocated per read beyond the arrays' amortised growth.
 *
 * <p>Not thread-safe: read and drop from one thread (the kernel's training phase); reading the kept entries from
 * several workers at once is safe while nobody reads or drops.
 */
final class FeedbackWindow {
    /** Which logged clicks a window keeps. */
    interface Filter {
        /** Whether a click with this like flag and rating (1–5, 0 = none) is kept. */
        boolean counts(boolean liked, int rating);
    }

    /** Entries that carry an explicit rating. */
    static final Filter RATED = (liked, rating) -> rating > 0;

    private final Filter filter;
    private int[] user = new int[1 << 12];
    private int[] item = new int[1 << 12];
    private int[] round = new int[1 << 12];
    private int[] stars = new int[1 << 12];
    private int size;
    private int cursor;
    private int userBound;
    private int itemBound;
    private int rated;
    private long starSum;

    FeedbackWindow(Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("a feedback window needs a filter");
        }
        this.filter = filter;
    }

    /**
     * Appends the kept entries of {@code log} from the cursor up to and including round {@code upTo} (or the
     * log's last round) and moves the cursor past them.
     *
     * @return the index of the first entry appended ({@link #size()} when none was)
     */
    int read(FeedbackLog log, int upTo) {
        int first = size;
        int end = log.roundEnd(Math.min(upTo, log.rounds() - 1));
        for (int k = cursor; k < end; k++) {
            int r = log.rating(k);
            if (filter.counts(log.liked(k), r)) {
                if (size == user.length) {
                    grow();
                }
                int u = log.user(k);
                int i = log.item(k);
                user[size] = u;
                item[size] = i;
                round[size] = log.round(k);
                stars[size] = r;
                size++;
                userBound = Math.max(userBound, u + 1);
                itemBound = Math.max(itemBound, i + 1);
                starSum += r;
                rated += r > 0 ? 1 : 0;
            }
        }
        cursor = Math.max(cursor, end);
        return first;
    }

    private void grow() {
        int c = user.length + (user.length >> 1);
        user = Arrays.copyOf(user, c);
        item = Arrays.copyOf(item, c);
        round = Arrays.copyOf(round, c);
        stars = Arrays.copyOf(stars, c);
    }

    /** Index of the first kept entry of round {@code from} or later ({@link #size()} if none). */
    int firstOfRound(int from) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (round[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Index of the first kept entry inside a training window of {@code window} rounds ending with round
     * {@code last}; 0 for {@code window == 0} (all history).
     */
    int firstFrom(int last, int window) {
        return window == 0 ? 0 : firstOfRound(last - window + 1);
    }

    /**
     * Forgets the kept entries of rounds before {@code from} (a prefix), moving the rest to the front. The cursor,
     * {@link #userBound}, {@link #itemBound}, {@link #rated} and {@link #meanRating} still cover everything read.
     */
    void dropBefore(int from) {
        int cut = firstOfRound(from);
        if (cut == 0) {
            return;
        }
        int n = size - cut;
        System.arraycopy(user, cut, user, 0, n);
        System.arraycopy(item, cut, item, 0, n);
        System.arraycopy(round, cut, round, 0, n);
        System.arraycopy(stars, cut, stars, 0, n);
        size = n;
    }

    /** Kept entries. */
    int size() {
        return size;
    }

    int user(int t) {
        return user[t];
    }

    int item(int t) {
        return item[t];
    }

    int round(int t) {
        return round[t];
    }

    /** Entry {@code t}'s rating, 1–5, or 0 for an unrated click. */
    int stars(int t) {
        return stars[t];
    }

    /** Users of the kept entries, {@code [0, size())} valid until the next read or drop; do not write. */
    int[] users() {
        return user;
    }

    /** Items of the kept entries, as {@link #users()}. */
    int[] items() {
        return item;
    }

    /** One more than the highest user id of any entry read (0 before any). */
    int userBound() {
        return userBound;
    }

    /** One more than the highest item id of any entry read (0 before any). */
    int itemBound() {
        return itemBound;
    }

    /** Entries read that carry a rating. */
    int rated() {
        return rated;
    }

    /** Mean rating of the rated entries read, NaN if none. */
    double meanRating() {
        return rated == 0 ? Double.NaN : (double) starSum / rated;
    }

    /**
     * Indexes the kept entries by user (counting sort, stable, so log order survives within a row) into
     * compressed rows: user {@code u}'s entries are {@code [start[u], start[u+1])} of {@code outItem} (and of
     * {@code outStars} unless it is null). {@code start} is reused when it holds {@code users + 1} values.
     *
     * @return the row starts, {@code start} or a larger array
     */
    int[] byUser(int users, int[] start, int[] outItem, byte[] outStars) {
        return index(user, item, users, start, outItem, outStars);
    }

    /** As {@link #byUser}, by item: item {@code i}'s entries are {@code [start[i], start[i+1])} of {@code outUser}. */
    int[] byItem(int items, int[] start, int[] outUser, byte[] outStars) {
        return index(item, user, items, start, outUser, outStars);
    }

    private int[] index(int[] key, int[] other, int rows, int[] start, int[] outOther, byte[] outStars) {
        if (start.length < rows + 1) {
            start = new int[rows + 1];
        } else {
            Arrays.fill(start, 0, rows + 1, 0);
        }
        for (int t = 0; t < size; t++) {
            start[key[t] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, rows);
        for (int t = 0; t < size; t++) {
            int p = fill[key[t]]++;
            outOther[p] = other[t];
            if (outStars != null) {
                outStars[p] = (byte) stars[t];
            }
        }
        return start;
    }
}
