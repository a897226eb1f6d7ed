package org.receco.analysis.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.receco.core.rng.RandomStreams;
import org.receco.core.world.Attacks;

/**
 * Fills {@link RoundData} round by round from a finished run's H2 database (see
 * {@link org.receco.core.store.Schema} for the tables). Only one round's impressions, clicks and snapshot
 * are read at a time. A round has {@link Need#SLATES} when its impression rows number exactly its
 * {@code exposures} counter (full impressions), {@link Need#CLICKS} when its interaction rows number its
 * {@code clicks} counter, and vectors when a snapshot was taken at that round (and the previous one, for
 * {@link Need#PREVIOUS_USER_VECTORS}). {@link Need#INITIAL_USER_VECTORS} is never available offline.
 */
public final class DbSource implements AutoCloseable {
    private final Connection c;
    private final long seed;
    private final int lastRound;
    private final int dims;
    private final int[] roundUsers;
    private final int[] roundLive;
    private final long[] exposures;
    private final long[] clicks;
    private final Map<Integer, Long> impressionRows = new HashMap<>();
    private final Map<Integer, Long> clickRows = new HashMap<>();
    private final Set<Integer> snapshotRounds = new HashSet<>();
    private final int[] itemAuthor, itemTopic, itemCreated;
    private final float[] itemQuality;
    private final int[] authorTopic, authorJoined, userTopic, userPopulation;
    private final boolean[] userFake;
    private final List<Attacks.Attack> attacks = new ArrayList<>();
    private int attacksSet;
    private final List<String> populationNames = new ArrayList<>();
    private final PreparedStatement impressions, interactions, userSnap, itemSnap;
    private int itemsSet;
    private int userVecRound = Integer.MIN_VALUE;

    public DbSource(Connection c) throws SQLException {
        this.c = c;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT seed FROM run_manifest WHERE id = 1")) {
                seed = rs.next() ? rs.getLong(1) : 0;
            }
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(round), -1) FROM rounds")) {
                rs.next();
                lastRound = rs.getInt(1);
            }
            int n = lastRound + 1;
            roundUsers = new int[n];
            roundLive = new int[n];
            exposures = new long[n];
            clicks = new long[n];
            try (ResultSet rs = s.executeQuery("SELECT round, users, live_items FROM rounds")) {
                while (rs.next()) {
                    roundUsers[rs.getInt(1)] = rs.getInt(2);
                    roundLive[rs.getInt(1)] = rs.getInt(3);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT round, name, \"VALUE\" FROM metrics "
                    + "WHERE name IN ('exposures', 'clicks') AND round <= " + lastRound)) {
                while (rs.next()) {
                    long v = (long) rs.getDouble(3);
                    (rs.getString(2).equals("clicks") ? clicks : exposures)[rs.getInt(1)] = v;
                }
            }
            // The kernel's exposure and click counters are the genuine users': so are the rows compared with them.
            boolean fakes = c.getMetaData().getColumns(null, null, "USERS", "FAKE").next()
                    && exists(s, "SELECT 1 FROM users WHERE fake LIMIT 1");
            String genuine = fakes ? " t JOIN users u ON u.id = t.user_id WHERE NOT u.fake" : "";
            try (ResultSet rs = s.executeQuery("SELECT round, COUNT(*) FROM impressions" + genuine
                    + " GROUP BY round")) {
                while (rs.next()) {
                    impressionRows.put(rs.getInt(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT round, COUNT(*) FROM interactions" + genuine
                    + " GROUP BY round")) {
                while (rs.next()) {
                    clickRows.put(rs.getInt(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT round FROM snapshots WHERE kind = 'user'")) {
                while (rs.next()) {
                    snapshotRounds.add(rs.getInt(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT MAX(CARDINALITY(vec)) FROM snapshots")) {
                rs.next();
                dims = Math.max(1, rs.getInt(1));
            }
            int items = count(s, "items");
            itemAuthor = new int[items];
            itemTopic = new int[items];
            itemCreated = new int[items];
            itemQuality = new float[items];
            try (ResultSet rs = s.executeQuery("SELECT id, author, topic, created_round, quality FROM items ORDER BY id")) {
                while (rs.next()) {
                    int i = rs.getInt(1);
                    itemAuthor[i] = rs.getInt(2);
                    itemTopic[i] = rs.getInt(3);
                    itemCreated[i] = rs.getInt(4);
                    itemQuality[i] = rs.getFloat(5);
                }
            }
            int authors = count(s, "authors");
            authorTopic = new int[authors];
            authorJoined = new int[authors];
            try (ResultSet rs = s.executeQuery("SELECT id, topic, joined_round FROM authors")) {
                while (rs.next()) {
                    authorTopic[rs.getInt(1)] = rs.getInt(2);
                    authorJoined[rs.getInt(1)] = rs.getInt(3);
                }
            }
            userTopic = new int[count(s, "users")];
            userPopulation = new int[userTopic.length];
            userFake = new boolean[userTopic.length];
            // Runs recorded before fake users were marked have no users.fake column: every user is genuine.
            boolean marked = c.getMetaData().getColumns(null, null, "USERS", "FAKE").next();
            try (ResultSet rs = s.executeQuery("SELECT id, topic, population, "
                    + (marked ? "fake" : "FALSE") + " FROM users")) {
                while (rs.next()) {
                    userTopic[rs.getInt(1)] = rs.getInt(2);
                    userPopulation[rs.getInt(1)] = rs.getInt(3);
                    userFake[rs.getInt(1)] = rs.getBoolean(4);
                }
            }
            if (c.getMetaData().getTables(null, null, "ATTACK_TARGETS", null).next()) {
                readAttacks(s);
            }
            // Runs recorded before populations had names have no populations table: their users are population 0.
            if (c.getMetaData().getTables(null, null, "POPULATIONS", null).next()) {
                try (ResultSet rs = s.executeQuery("SELECT id, name FROM populations ORDER BY id")) {
                    while (rs.next()) {
                        populationNames.add(rs.getString(2));
                    }
                }
            } else {
                populationNames.add("users");
            }
        }
        impressions = c.prepareStatement(
                "SELECT user_id, item, channel FROM impressions WHERE round = ? ORDER BY user_id, position");
        interactions = c.prepareStatement("SELECT user_id, item, position, liked, utility FROM interactions "
                + "WHERE round = ? ORDER BY user_id, position");
        userSnap = c.prepareStatement("SELECT id, vec FROM snapshots WHERE round = ? AND kind = 'user'");
        itemSnap = c.prepareStatement("SELECT id, vec FROM snapshots WHERE round = ? AND kind = 'item'");
    }

    /** The attacks of {@code attack_targets}, one per name, in the order they began. */
    private void readAttacks(Statement s) throws SQLException {
        Map<String, Attacks.Attack> byName = new java.util.LinkedHashMap<>();
        Map<String, List<Integer>> targets = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT attack, population, strategy, start_round, end_round, push, item_id "
                + "FROM attack_targets ORDER BY round, population, item_id")) {
            while (rs.next()) {
                String name = rs.getString(1);
                byName.putIfAbsent(name, new Attacks.Attack(name, rs.getInt(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), new int[0], rs.getBoolean(6)));
                targets.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getInt(7));
            }
        }
        byName.forEach((name, a) -> attacks.add(new Attacks.Attack(name, a.population(), a.strategy(),
                a.startRound(), a.endRound(), targets.get(name).stream().mapToInt(Integer::intValue).toArray(),
                a.push())));
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static int count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id) + 1, 0) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The run's root seed (observers' named streams derive from it). */
    public RandomStreams streams() {
        return new RandomStreams(seed);
    }

    /** The last complete round, or -1. */
    public int lastRound() {
        return lastRound;
    }

    /** Vector dimension (1 when the run recorded no snapshots). */
    public int dims() {
        return dims;
    }

    /** Which needs round {@code r} can satisfy. */
    public boolean slatesAt(int r) {
        return impressionRows.getOrDefault(r, 0L) == exposures[r];
    }

    public boolean clicksAt(int r) {
        return clickRows.getOrDefault(r, 0L) == clicks[r];
    }

    public boolean snapshotAt(int r) {
        return snapshotRounds.contains(r);
    }

    /** Fills round {@code r} (rounds must be read in increasing order, from 0) and derives it. */
    public void fill(int r, RoundData d) throws SQLException {
        int users = roundUsers[r];
        d.beginRound(r, users);
        while (itemsSet < itemCreated.length && itemCreated[itemsSet] <= r) {
            d.setItem(itemsSet, itemAuthor[itemsSet], itemTopic[itemsSet], itemCreated[itemsSet],
                    itemQuality[itemsSet]);
            itemsSet++;
        }
        d.setLiveRange(itemsSet - roundLive[r], itemsSet);
        int authors = 0;
        for (int a = 0; a < authorTopic.length; a++) {
            if (authorJoined[a] <= r) {
                d.setAuthor(a, authorTopic[a]);
                authors = a + 1;
            }
        }
        d.setAuthorCount(authors);
        for (int u = 0; u < userTopic.length; u++) {
            d.setUser(u, userTopic[u], userPopulation[u], userFake[u]);
        }
        for (; attacksSet < attacks.size() && attacks.get(attacksSet).startRound() <= r; attacksSet++) {
            d.addAttack(attacks.get(attacksSet));
        }
        for (int p = 0; p < populationNames.size(); p++) {
            d.setPopulation(p, populationNames.get(p));
        }
        if (slatesAt(r)) {
            impressions.setInt(1, r);
            try (ResultSet rs = impressions.executeQuery()) {
                while (rs.next()) {
                    d.addImpression(rs.getInt(1), rs.getInt(2), rs.getByte(3));
                }
            }
            d.provide(Need.SLATES);
        }
        if (clicksAt(r)) {
            interactions.setInt(1, r);
            try (ResultSet rs = interactions.executeQuery()) {
                while (rs.next()) {
                    d.addClick(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getFloat(5));
                }
            }
            d.provide(Need.CLICKS);
        }
        d.rotateUserVectors();
        boolean previous = userVecRound == r - 1 && r > 0;
        userVecRound = Integer.MIN_VALUE;
        if (snapshotAt(r)) {
            float[] buf = d.userVectorBuffer(userTopic.length);
            readVectors(userSnap, r, buf);
            userVecRound = r;
            d.provide(Need.USER_VECTORS);
            readVectors(itemSnap, r, d.itemVectorBuffer(itemsSet));
            d.provide(Need.ITEM_VECTORS);
        }
        if (previous) {
            d.provide(Need.PREVIOUS_USER_VECTORS);
        }
        d.derive();
    }

    private void readVectors(PreparedStatement ps, int r, float[] out) throws SQLException {
        ps.setInt(1, r);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int id = rs.getInt(1);
                Array a = rs.getArray(2);
                Object[] xs = (Object[]) a.getArray();
                int off = id * dims;
                for (int k = 0; k < xs.length; k++) {
                    out[off + k] = ((Number) xs[k]).floatValue();
                }
                a.free();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        impressions.close();
        interactions.close();
        userSnap.close();
        itemSnap.close();
    }
}
