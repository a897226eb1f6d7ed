package org.receco.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.core.world.Populations;

/**
 * Everything one round adds to the database, copied out of the model into primitive arrays so the model can
 * move on while a writer inserts it. Grow-only and reused: {@link #reset()} keeps the arrays.
 */
final class RoundBuffer {
    static final int NO_ROUND = Integer.MIN_VALUE;

    record Event(int seq, int round, String type, String description) {
    }

    int round = NO_ROUND;
    String recommender;
    int users;
    int liveItems;

    int userFrom;
    int userCount;
    int[] userTopic = new int[0];
    int[] userPopulation = new int[0];
    int[] userJoined = new int[0];
    boolean[] userFake = new boolean[0];

    int authorFrom;
    int authorCount;
    int[] authorTopic = new int[0];
    int[] authorJoined = new int[0];

    int itemFrom;
    int itemCount;
    int[] itemAuthor = new int[0];
    int[] itemCreated = new int[0];
    float[] itemQuality = new float[0];
    int[] itemTopic = new int[0];

    /** Clicks, user by user; {@code clickUsers} users clicked, user {@code clickUser[k]}'s from {@code clickFrom[k]}. */
    int clicks;
    int clickUsers;
    int[] clickFrom = new int[0];
    int[] clickUser = new int[0];
    int[] clickItem = new int[0];
    int[] clickPos = new int[0];
    boolean[] clickLiked = new boolean[0];
    float[] clickUtility = new float[0];

    /** Slate positions recorded, slate by slate in position order; slate k is user {@code impUser[k]}'s from {@code impFrom[k]}. */
    int impressions;
    int slates;
    int[] impFrom = new int[0];
    int[] impUser = new int[0];
    int[] impItem = new int[0];
    byte[] impChannel = new byte[0];

    int dims;
    int snapUsers;
    int[] snapUserTopic = new int[0];
    float[] snapUserVec = new float[0];
    int snapItems;
    int[] snapItemId = new int[0];
    int[] snapItemTopic = new int[0];
    float[] snapItemVec = new float[0];

    final Map<String, Double> metrics = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();
    /** Rows of the declared tables, by declaration index. */
    final List<StoredRows> declared = new ArrayList<>();
    /** Tables declared since the previous buffer was handed over: created before this buffer's rows go in. */
    final List<TableSpec> newTables = new ArrayList<>();
    /** Populations that joined since the last buffer (rare: copied as records). */
    final List<Populations.Population> populations = new ArrayList<>();

    void reset() {
        round = NO_ROUND;
        recommender = null;
        users = 0;
        liveItems = 0;
        userCount = 0;
        authorCount = 0;
        itemCount = 0;
        clicks = 0;
        clickUsers = 0;
        impressions = 0;
        slates = 0;
        snapUsers = 0;
        snapItems = 0;
        metrics.clear();
        events.clear();
        for (StoredRows rows : declared) {
            rows.reset();
        }
        newTables.clear();
        populations.clear();
    }

    void ensureUsers(int n) {
        if (userTopic.length < n) {
            int c = grow(userTopic.length, n);
            userTopic = Arrays.copyOf(userTopic, c);
            userPopulation = Arrays.copyOf(userPopulation, c);
            userJoined = Arrays.copyOf(userJoined, c);
            userFake = Arrays.copyOf(userFake, c);
        }
    }

    void ensureAuthors(int n) {
        if (authorTopic.length < n) {
            int c = grow(authorTopic.length, n);
            authorTopic = Arrays.copyOf(authorTopic, c);
            authorJoined = Arrays.copyOf(authorJoined, c);
        }
    }

    void ensureItems(int n) {
        if (itemAuthor.length < n) {
            int c = grow(itemAuthor.length, n);
            itemAuthor = Arrays.copyOf(itemAuthor, c);
            itemCreated = Arrays.copyOf(itemCreated, c);
            itemQuality = Arrays.copyOf(itemQuality, c);
            itemTopic = Arrays.copyOf(itemTopic, c);
        }
    }

    /** Room for {@code users} users' clicks (+1: the end of the last) and {@code n} clicks. */
    void ensureClicks(int users, int n) {
        if (clickFrom.length < users + 1) {
            int c = grow(clickFrom.length, users + 1);
            clickFrom = Arrays.copyOf(clickFrom, c);
            clickUser = Arrays.copyOf(clickUser, c);
        }
        if (clickItem.length < n) {
            int c = grow(clickItem.length, n);
            clickItem = Arrays.copyOf(clickItem, c);
            clickPos = Arrays.copyOf(clickPos, c);
            clickLiked = Arrays.copyOf(clickLiked, c);
            clickUtility = Arrays.copyOf(clickUtility, c);
        }
    }

    /** Room for {@code slates} slates (+1: the end of the last) and {@code n} positions. */
    void ensureImpressions(int slates, int n) {
        if (impFrom.length < slates + 1) {
            int c = grow(impFrom.length, slates + 1);
            impFrom = Arrays.copyOf(impFrom, c);
            impUser = Arrays.copyOf(impUser, c);
        }
        if (impItem.length < n) {
            int c = grow(impItem.length, n);
            impItem = Arrays.copyOf(impItem, c);
            impChannel = Arrays.copyOf(impChannel, c);
        }
    }

    void ensureSnapshots(int users, int items, int d) {
        dims = d;
        if (snapUserTopic.length < users) {
            snapUserTopic = new int[grow(snapUserTopic.length, users)];
        }
        if (snapUserVec.length < users * d) {
            snapUserVec = new float[grow(snapUserVec.length, users * d)];
        }
        if (snapItemId.length < items) {
            int c = grow(snapItemId.length, items);
            snapItemId = new int[c];
            snapItemTopic = new int[c];
        }
        if (snapItemVec.length < items * d) {
            snapItemVec = new float[grow(snapItemVec.length, items * d)];
        }
    }

    private static int grow(int have, int need) {
        return Math.max(need, have + (have >> 1));
    }
}
