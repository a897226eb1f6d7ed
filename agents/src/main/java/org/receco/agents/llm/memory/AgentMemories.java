package org.receco.agents.llm.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The memories of a population's agents, embedded in batches: what agents remember during a round waits until
 * {@link #flush()}, which embeds every waiting text of every agent in one {@link Embedder#embed} call, in agent
 * order and, per agent, in the order added, so the result does not depend on which thread added what when.
 * Queries for many agents are likewise embedded at once ({@link #relevant(int[], List, int)}).
 *
 * <p>{@link #add} for one agent may run on any thread as long as no two threads add for the same agent at once
 * (the kernel's CHOOSE gives each user to one thread); {@link #flush()} and the queries run on one thread.
 */
public final class AgentMemories {
    private final Embedder embedder;
    private final int capacity;
    private final List<AgentMemory> memories = new ArrayList<>();
    private final List<List<Pending>> pending = new ArrayList<>();

    private record Pending(int round, AgentMemory.Kind kind, int item, int rating, String text) {
    }

    /**
     * @param agents   how many agents, numbered 0 .. agents-1 (more join by {@link #grow})
     * @param capacity each agent's memory capacity
     */
    public AgentMemories(Embedder embedder, int agents, int capacity) {
        this.embedder = embedder;
        this.capacity = capacity;
        grow(agents);
    }

    public Embedder embedder() {
        return embedder;
    }

    /** How many agents. */
    public int size() {
        return memories.size();
    }

    /** Makes room for agents up to {@code agents} (a population that grows). */
    public void grow(int agents) {
        while (memories.size() < agents) {
            memories.add(new AgentMemory(embedder, capacity));
            pending.add(new ArrayList<>());
        }
    }

    /** Agent {@code agent}'s memory, as of the last {@link #flush()}. */
    public AgentMemory of(int agent) {
        return memories.get(agent);
    }

    /** Queues a fact, feeling or reflection of {@code agent}; it is embedded and remembered at {@link #flush()}. */
    public void add(int agent, int round, AgentMemory.Kind kind, String text) {
        add(agent, round, kind, AgentMemory.NO_ITEM, 0, text);
    }

    /**
     * Queues a memory of {@code agent} about {@code item} rated {@code rating} (0: none); a {@link
     * AgentMemory.Kind#REFLECTION} starts the count towards the next reflection again once flushed.
     */
    public void add(int agent, int round, AgentMemory.Kind kind, int item, int rating, String text) {
        pending.get(agent).add(new Pending(round, kind, item, rating, AgentMemory.checked(text)));
    }

    /** How many texts wait for {@link #flush()}. */
    public int pendingCount() {
        int n = 0;
        for (List<Pending> p : pending) {
            n += p.size();
        }
        return n;
    }

    /** Embeds every waiting text in one call and remembers each; returns how many. */
    public int flush() {
        List<String> texts = new ArrayList<>();
        for (List<Pending> p : pending) {
            for (Pending e : p) {
                texts.add(e.text());
            }
        }
        if (texts.isEmpty()) {
            return 0;
        }
        float[][] vectors = embedder.embed(texts);
        int at = 0;
        for (int a = 0; a < pending.size(); a++) {
            for (Pending e : pending.get(a)) {
                memories.get(a).remember(e.round(), e.kind(), e.item(), e.rating(), e.text(), vectors[at++]);
            }
            pending.get(a).clear();
        }
        return at;
    }

    /**
     * For each {@code agents[j]}, its {@code k} memories most relevant to {@code queries.get(j)}, with every query
     * embedded in one call.
     */
    public List<List<AgentMemory.Entry>> relevant(int[] agents, List<String> queries, int k) {
        if (agents.length != queries.size()) {
            throw new IllegalArgumentException(agents.length + " agents but " + queries.size() + " queries");
        }
        List<String> texts = queries.stream().map(AgentMemory::checked).toList();
        float[][] q = embedder.embed(texts);
        List<List<AgentMemory.Entry>> out = new ArrayList<>(agents.length);
        for (int j = 0; j < agents.length; j++) {
            out.add(memories.get(agents[j]).relevant(q[j], k));
        }
        return out;
    }
}
