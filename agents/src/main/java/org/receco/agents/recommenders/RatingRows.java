package org.receco.agents.recommenders;

import java.util.Arrays;
import org.receco.core.util.IntList;
import org.receco.core.world.FeedbackLog;

/**
 * The explicit ratings of a {@link FeedbackLog}, gathered from a cursor (each entry read once) and indexed both
 * by user and by item in compressed sparse rows, for recommenders that fit ratings (matrix factorisation,
 * item-based kNN). Within a row, entries keep log order, so every pass over them is reproducible. Entries
 * without a rating (clicks in a click-only world) are skipped unless the rows keep clicks too, with 0 stars;
 * a user who rates an item twice counts twice.
 */
final class RatingRows {
    private final boolean clicksToo;
    private int rated;
    private final IntList user = new IntList(1 << 12);
    private final IntList item = new IntList(1 << 12);
    private final IntList stars = new IntList(1 << 12);
    private int cursor;
    private long sum;

    private int users;
    private int items;
    private int[] userStart = new int[1];
    private int[] userItem = new int[0];
    private byte[] userStars = new byte[0];
    private int[] itemStart = new int[1];
    private int[] itemUser = new int[0];
    private byte[] itemStars = new byte[0];

    /** Rows of rated entries only ({@code clicksToo = false}) or of every click, unrated ones with 0 stars. */
    RatingRows(boolean clicksToo) {
        this.clicksToo = clicksToo;
    }

    /** Reads the log's entries up to and including {@code round}; rebuilds both indexes over at least the counts. */
    void ingest(FeedbackLog log, int round, int minUsers, int minItems) {
        int end = log.roundEnd(Math.min(round, log.rounds() - 1));
        int maxUser = minUsers - 1;
        int maxItem = minItems - 1;
        for (int k = cursor; k < end; k++) {
            int r = log.rating(k);
            if (r > 0 || clicksToo) {
                user.add(log.user(k));
                item.add(log.item(k));
                stars.add(r);
                sum += r;
                rated += r > 0 ? 1 : 0;
            }
        }
        cursor = Math.max(cursor, end);
        for (int t = 0; t < user.size(); t++) {
            maxUser = Math.max(maxUser, user.get(t));
            maxItem = Math.max(maxItem, item.get(t));
        }
        users = maxUser + 1;
        items = maxItem + 1;
        int n = user.size();
        if (userItem.length < n) {
            int c = Math.max(n, userItem.length + (userItem.length >> 1));
            userItem = new int[c];
            userStars = new byte[c];
            itemUser = new int[c];
            itemStars = new byte[c];
        }
        userStart = index(user.raw(), item.raw(), n, users, userStart, userItem, userStars);
        itemStart = index(item.raw(), user.raw(), n, items, itemStart, itemUser, itemStars);
    }

    /** Counting sort of the entries by {@code key} (stable, so log order survives within a row). */
    private int[] index(int[] key, int[] other, int n, int rows, int[] start, int[] outOther, byte[] outStars) {
        if (start.length < rows + 1) {
            start = new int[rows + 1];
        } else {
            Arrays.fill(start, 0, rows + 1, 0);
        }
        for (int t = 0; t < n; t++) {
            start[key[t] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, rows);
        int[] s = stars.raw();
        for (int t = 0; t < n; t++) {
            int p = fill[key[t]]++;
            outOther[p] = other[t];
            outStars[p] = (byte) s[t];
        }
        return start;
    }

    /** Entries read so far. */
    int size() {
        return user.size();
    }

    /** Entries read so far that carry a rating. */
    int rated() {
        return rated;
    }

    /** Mean of all ratings read, or NaN if none. */
    double globalMean() {
        return rated == 0 ? Double.NaN : (double) sum / rated;
    }

    /** Rows of the user index: one more than the highest user id seen (or the minimum asked for). */
    int users() {
        return users;
    }

    int items() {
        return items;
    }

    /** User {@code u}'s ratings occupy {@code [userStart(u), userStart(u + 1))} of {@link #userItem}. */
    int userStart(int u) {
        return u < users ? userStart[u] : size();
    }

    int userEnd(int u) {
        return u < users ? userStart[u + 1] : size();
    }

    int userItem(int p) {
        return userItem[p];
    }

    int userStars(int p) {
        return userStars[p];
    }

    int itemStart(int i) {
        return i < items ? itemStart[i] : size();
    }

    int itemEnd(int i) {
        return i < items ? itemStart[i + 1] : size();
    }

    int itemUser(int p) {
        return itemUser[p];
    }

    int itemStars(int p) {
        return itemStars[p];
    }
}
