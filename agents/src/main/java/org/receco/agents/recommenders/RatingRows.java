package org.receco.agents.recommenders;

import org.receco.core.world.FeedbackLog;

/**
 * The explicit ratings of a {@link FeedbackLog}, gathered by a {@link FeedbackWindow} (each entry read once) and
 * indexed both by user and by item in compressed sparse rows, for recommenders that fit ratings (matrix
 * factorisation, item-based kNN). Within a row, entries keep log order, so every pass over them is reproducible.
 * Entries without a rating (clicks in a click-only world) are skipped unless the rows keep clicks too, with 0
 * stars; a user who rates an item twice counts twice.
 */
final class RatingRows {
    private final FeedbackWindow entries;

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
        this.entries = new FeedbackWindow(clicksToo ? FeedbackSignal.clicks : FeedbackWindow.RATED);
    }

    /** Reads the log's entries up to and including {@code round}; rebuilds both indexes over at least the counts. */
    void ingest(FeedbackLog log, int round, int minUsers, int minItems) {
        entries.read(log, round);
        users = Math.max(minUsers, entries.userBound());
        items = Math.max(minItems, entries.itemBound());
        int n = entries.size();
        if (userItem.length < n) {
            int c = Math.max(n, userItem.length + (userItem.length >> 1));
            userItem = new int[c];
            userStars = new byte[c];
            itemUser = new int[c];
            itemStars = new byte[c];
        }
        userStart = entries.byUser(users, userStart, userItem, userStars);
        itemStart = entries.byItem(items, itemStart, itemUser, itemStars);
    }

    /** Entries read so far. */
    int size() {
        return entries.size();
    }

    /** Entries read so far that carry a rating. */
    int rated() {
        return entries.rated();
    }

    /** Mean of all ratings read, or NaN if none. */
    double globalMean() {
        return entries.meanRating();
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
