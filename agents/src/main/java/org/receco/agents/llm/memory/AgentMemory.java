package org.receco.agents.llm.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One agent's memory, as Agent4Rec's (Zhang et al., "On Generative Agents in Recommendation", SIGIR 2024, after
 * Park et al., "Generative Agents", UIST 2023): factual memories (what the agent did: "watched X, rated 4") and
 * emotional ones (how it felt: "bored by yet another thriller"), each stored with its sentence embedding; the
 * most relevant are retrieved for a prompt by cosine similarity to a query, and after every
 * {@value #REFLECT_AFTER} new memories the agent is due to reflect, writing a higher-level insight that is
 * remembered too.
 *
 * <p>Forgetting: the memory holds at most {@code capacity} entries. When full, it forgets its oldest entry that is
 * not a reflection, since a reflection distils the memories before it (RecAgent, Wang et al., TOIS 2024, also
 * forgets the old first and keeps what matters); if every entry is a reflection, the oldest goes.
 *
 * <p>Deterministic: retrieval depends only on the texts, their order and the embedder, with ties broken by
 * recency (newer first, then by order added). Not thread-safe: one agent's memory is used by one thread at a time.
 */
public final class AgentMemory {
    /** Agent4Rec reflects after 3 new memories. */
    public static final int REFLECT_AFTER = 3;

    /** What a memory is about. */
    public enum Kind {
        /** What happened: an item seen, clicked, rated. */
        FACT,
        /** How the agent felt about it. */
        FEELING,
        /** An insight drawn from earlier memories. */
        REFLECTION
    }

    /**
     * One memory.
     *
     * @param seq    its place in the order of everything this memory was given (0, 1, ...), unique
     * @param item   the item the memory is about, or {@link #NO_ITEM}
     * @param rating the rating given the item (1-5), or 0 for none
     * @param vector the text's embedding, unit length (shared, do not change)
     */
    public record Entry(long seq, int round, Kind kind, int item, int rating, String text, float[] vector) {
    }

    /** {@link Entry#item()} of a memory about no item (a feeling in general, a reflection). */
    public static final int NO_ITEM = -1;

    private final Embedder embedder;
    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    private long nextSeq;
    private int sinceReflection;

    /**
     * @param embedder embeds texts given to {@link #add} and queries given to {@link #relevant}
     * @param capacity the most entries kept, at least 1
     */
    public AgentMemory(Embedder embedder, int capacity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (capacity < 1) {
            throw new IllegalArgumentException("memory capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return entries.size();
    }

    /** Remembers a fact or a feeling, embedding it now (an {@link AgentMemories} batches this for many agents). */
    public void add(int round, Kind kind, String text) {
        if (kind == Kind.REFLECTION) {
            throw new IllegalArgumentException("add a reflection with addReflection");
        }
        remember(round, kind, NO_ITEM, 0, text, embedder.embed(List.of(checked(text)))[0]);
    }

    /** Remembers a reflection, embedding it now; the count towards the next reflection starts again. */
    public void addReflection(int round, String text) {
        remember(round, Kind.REFLECTION, NO_ITEM, 0, text, embedder.embed(List.of(checked(text)))[0]);
    }

    /** True once {@value #REFLECT_AFTER} facts or feelings have been added since the last reflection. */
    public boolean needsReflection() {
        return sinceReflection >= REFLECT_AFTER;
    }

    /** The last {@code k} entries (fewer if there are fewer), oldest first, as they happened. */
    public List<Entry> recent(int k) {
        int n = entries.size();
        return List.copyOf(entries.subList(Math.max(0, n - Math.max(0, k)), n));
    }

    /** The {@code k} entries most similar to {@code query}, most similar first (ties: newer first). */
    public List<Entry> relevant(String query, int k) {
        return relevant(embedder.embed(List.of(checked(query)))[0], k);
    }

    /** As {@link #relevant(String, int)} for a query already embedded (unit length). */
    public List<Entry> relevant(float[] query, int k) {
        if (k <= 0 || entries.isEmpty()) {
            return List.of();
        }
        int n = entries.size();
        double[] score = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            score[i] = Embedder.dot(query, entries.get(i).vector());
            order[i] = i;
        }
        // Entries are kept in seq order, so a higher index is newer.
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i])
                .thenComparing(Comparator.<Integer>naturalOrder().reversed()));
        List<Entry> out = new ArrayList<>(Math.min(k, n));
        for (int j = 0; j < Math.min(k, n); j++) {
            out.add(entries.get(order[j]));
        }
        return out;
    }

    /**
     * The {@code k} entries of kind {@code kind} most similar to any of {@code queries[0..count)} (each unit length;
     * an entry scores its highest dot product with one of them), leaving out the newest {@code skipNewest} entries of
     * that kind (the ones a prompt already shows as recent). Most similar first; ties newer first, so with an
     * embedder of no dimensions ({@link Embedder#none()}) this is recency.
     */
    public List<Entry> relevant(float[][] queries, int count, int k, Kind kind, int skipNewest) {
        List<Entry> eligible = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == kind) {
                eligible.add(e);
            }
        }
        int n = eligible.size() - Math.max(0, skipNewest);
        if (k <= 0 || n <= 0) {
            return List.of();
        }
        double[] score = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double best = count == 0 ? 0 : Double.NEGATIVE_INFINITY;
            for (int q = 0; q < count; q++) {
                best = Math.max(best, Embedder.dot(queries[q], eligible.get(i).vector()));
            }
            score[i] = best;
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i])
                .thenComparing(Comparator.<Integer>naturalOrder().reversed()));
        List<Entry> out = new ArrayList<>(Math.min(k, n));
        for (int j = 0; j < Math.min(k, n); j++) {
            out.add(eligible.get(order[j]));
        }
        return out;
    }

    /** The last {@code k} entries of kind {@code kind} (fewer if there are fewer), oldest first. */
    public List<Entry> recent(int k, Kind kind) {
        List<Entry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < k; i--) {
            if (entries.get(i).kind() == kind) {
                out.add(0, entries.get(i));
            }
        }
        return out;
    }

    /** The facts and feelings added since the last reflection, oldest first (what the next one distils). */
    public List<Entry> sinceReflection() {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - sinceReflection), entries.size()));
    }

    /** Every entry kept, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    Embedder embedder() {
        return embedder;
    }

    /** Stores an entry already embedded (by {@link AgentMemories}' batch), forgetting one if full. */
    void remember(int round, Kind kind, int item, int rating, String text, float[] vector) {
        if (vector.length != embedder.dims()) {
            throw new IllegalArgumentException("a vector of " + vector.length + " dimensions for an embedder of "
                    + embedder.dims());
        }
        if (entries.size() == capacity) {
            forget();
        }
        entries.add(new Entry(nextSeq++, round, kind, item, rating, text, vector));
        if (kind == Kind.REFLECTION) {
            sinceReflection = 0;
        } else {
            sinceReflection++;
        }
    }

    private void forget() {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).kind() != Kind.REFLECTION) {
                entries.remove(i);
                return;
            }
        }
        entries.remove(0);
    }

    static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a memory or query needs some text");
        }
        return text;
    }
}
