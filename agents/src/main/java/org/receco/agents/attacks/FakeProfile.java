package org.receco.agents.attacks;

import java.util.Arrays;

/**
 * One fake account's profile as a strategy builds it (Lam &amp; Riedl, WWW 2004): the items it will rate, each with
 * its 1–5 rating and its role (target, selected, filler), in the order it will rate them; a review text per entry
 * where the strategy writes reviews (null otherwise). Reused across the accounts of one attack.
 */
public final class FakeProfile {
    public static final byte TARGET = 0, SELECTED = 1, FILLER = 2;

    private int[] items = new int[32];
    private byte[] ratings = new byte[32];
    private byte[] roles = new byte[32];
    private String[] reviews = new String[32];
    private int size;

    public void clear() {
        size = 0;
    }

    /** Adds {@code item} rated {@code stars} (clamped to 1..5) in role {@code role}, unless it is in already. */
    public boolean add(int item, int stars, byte role) {
        if (contains(item)) {
            return false;
        }
        if (size == items.length) {
            int c = size * 2;
            items = Arrays.copyOf(items, c);
            ratings = Arrays.copyOf(ratings, c);
            roles = Arrays.copyOf(roles, c);
            reviews = Arrays.copyOf(reviews, c);
        }
        items[size] = item;
        ratings[size] = (byte) Math.max(1, Math.min(5, stars));
        roles[size] = role;
        reviews[size] = null;
        size++;
        return true;
    }

    public boolean contains(int item) {
        for (int k = 0; k < size; k++) {
            if (items[k] == item) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public int item(int k) {
        return items[k];
    }

    public int rating(int k) {
        return ratings[k];
    }

    public byte role(int k) {
        return roles[k];
    }

    public String review(int k) {
        return reviews[k];
    }

    public void setReview(int k, String text) {
        reviews[k] = text;
    }

    /** Swaps entries {@code a} and {@code b} (to order the profile). */
    public void swap(int a, int b) {
        int i = items[a];
        items[a] = items[b];
        items[b] = i;
        byte r = ratings[a];
        ratings[a] = ratings[b];
        ratings[b] = r;
        byte o = roles[a];
        roles[a] = roles[b];
        roles[b] = o;
        String t = reviews[a];
        reviews[a] = reviews[b];
        reviews[b] = t;
    }

    /** Rounds {@code x} to stars, clamped to 1..5. */
    public static int stars(double x) {
        return (int) Math.max(1, Math.min(5, Math.round(x)));
    }
}
