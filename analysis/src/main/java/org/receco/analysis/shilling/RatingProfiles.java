package org.receco.analysis.shilling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.receco.core.world.FeedbackLog;

/**
 * Every user's explicit ratings from a {@link FeedbackLog}, one rating per (user, item): when a user rated an
 * item more than once, the latest rating stands, as a platform's rating matrix keeps it. Users' rows are sorted
 * by item id. Unrated clicks are ignored. This is the rating matrix the profile detectors read.
 */
public final class RatingProfiles {
    private final int users;
    private final int items;
    private final int[] start;
    private final int[] item;
    private final byte[] stars;
    private final int[] itemCount;
    private final double[] itemMean;

    private RatingProfiles(int users, int items, int[] start, int[] item, byte[] stars) {
        this.users = users;
        this.items = items;
        this.start = start;
        this.item = item;
        this.stars = stars;
        itemCount = new int[items];
        itemMean = new double[items];
        for (int p = 0; p < item.length; p++) {
            itemCount[item[p]]++;
            itemMean[item[p]] += stars[p];
        }
        for (int i = 0; i < items; i++) {
            itemMean[i] = itemCount[i] == 0 ? Double.NaN : itemMean[i] / itemCount[i];
        }
    }

    /** The rating matrix of users {@code [0, users)} (ratings by higher ids are ignored). */
    public static RatingProfiles of(FeedbackLog log, int users) {
        List<int[]> e = new ArrayList<>();
        int maxItem = -1;
        for (int k = 0; k < log.size(); k++) {
            if (log.rating(k) > 0 && log.user(k) < users) {
                e.add(new int[] {log.user(k), log.item(k), k});
                maxItem = Math.max(maxItem, log.item(k));
            }
        }
        // By user, then item, then log position: the last entry of each (user, item) run is the latest rating.
        e.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1]).thenComparingInt(x -> x[2]));
        int[] rowStart = new int[users + 1];
        int[] it = new int[e.size()];
        byte[] st = new byte[e.size()];
        int m = 0;
        for (int s = 0; s < e.size(); s++) {
            int[] x = e.get(s);
            if (s + 1 == e.size() || e.get(s + 1)[0] != x[0] || e.get(s + 1)[1] != x[1]) {
                it[m] = x[1];
                st[m] = (byte) log.rating(x[2]);
                rowStart[x[0] + 1]++;
                m++;
            }
        }
        for (int u = 0; u < users; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        return new RatingProfiles(users, maxItem + 1, rowStart, Arrays.copyOf(it, m), Arrays.copyOf(st, m));
    }

    public int users() {
        return users;
    }

    /** One more than the highest rated item id. */
    public int items() {
        return items;
    }

    /** Number of items user {@code u} rated. */
    public int length(int u) {
        return start[u + 1] - start[u];
    }

    /** User {@code u}'s ratings occupy positions {@code [start(u), start(u + 1))}. */
    public int start(int u) {
        return start[u];
    }

    public int item(int p) {
        return item[p];
    }

    public int stars(int p) {
        return stars[p];
    }

    /** Number of users who rated item {@code i}. */
    public int itemCount(int i) {
        return itemCount[i];
    }

    /** Mean rating of item {@code i}, NaN if nobody rated it. */
    public double itemMean(int i) {
        return itemMean[i];
    }

    /** Mean of user {@code u}'s ratings, NaN without any. */
    public double userMean(int u) {
        int n = length(u);
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int p = start[u]; p < start[u + 1]; p++) {
            s += stars[p];
        }
        return s / n;
    }
}
