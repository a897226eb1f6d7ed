package org.receco.core.world;

import java.util.Arrays;

/**
 * The platform's own record of what users did: every click, with whether it was liked and, in a rating world,
 * the explicit 1–5 rating given (0 = none), appended round by round. This is what recommenders learn from (the "belief" side); it never holds true
 * preferences. Entries of round {@code r} occupy {@code [roundStart(r), roundEnd(r))}.
 */
public final class FeedbackLog {
    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private int[] round = new int[1024];
    private boolean[] liked = new boolean[1024];
    private byte[] rating = new byte[1024];
    private int size;
    private int rated;
    private int[] roundStart = new int[64];
    private int rounds;

    /** Opens round {@code r}; rounds must be opened in increasing order, starting at 0. */
    public void beginRound(int r) {
        while (rounds <= r) {
            if (rounds == roundStart.length) {
                roundStart = Arrays.copyOf(roundStart, rounds * 2);
            }
            roundStart[rounds++] = size;
        }
    }

    public void add(int u, int i, int r, boolean like) {
        add(u, i, r, like, 0);
    }

    /** Appends a click with its explicit rating ({@code 1..5}, or 0 for none). */
    public void add(int u, int i, int r, boolean like, int stars) {
        if (stars < 0 || stars > 5) {
            throw new IllegalArgumentException("rating " + stars + " is outside 1..5 (0 = none)");
        }
        if (size == user.length) {
            int c = size * 2;
            user = Arrays.copyOf(user, c);
            item = Arrays.copyOf(item, c);
            round = Arrays.copyOf(round, c);
            liked = Arrays.copyOf(liked, c);
            rating = Arrays.copyOf(rating, c);
        }
        user[size] = u;
        item[size] = i;
        round[size] = r;
        liked[size] = like;
        rating[size] = (byte) stars;
        if (stars > 0) {
            rated++;
        }
        size++;
    }

    public int size() {
        return size;
    }

    public int user(int k) {
        return user[k];
    }

    public int item(int k) {
        return item[k];
    }

    public int round(int k) {
        return round[k];
    }

    public boolean liked(int k) {
        return liked[k];
    }

    /** Entry {@code k}'s explicit rating, 1–5, or 0 if none was given. */
    public int rating(int k) {
        return rating[k];
    }

    /** Entries that carry a rating; 0 in a click-only world. */
    public int ratedCount() {
        return rated;
    }

    /** Number of rounds opened so far. */
    public int rounds() {
        return rounds;
    }

    public int roundStart(int r) {
        if (r >= rounds) {
            return size;
        }
        return roundStart[Math.max(0, r)];
    }

    public int roundEnd(int r) {
        return r + 1 >= rounds ? size : roundStart[r + 1];
    }
}
