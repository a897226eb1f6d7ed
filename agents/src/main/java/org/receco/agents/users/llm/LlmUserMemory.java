package org.receco.agents.users.llm;

import java.util.ArrayList;
import java.util.List;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemStore;

/**
 * What each LLM user remembers of its past interactions, after Agent4Rec's memory (Zhang et al., "On Generative
 * Agents in Recommendation", SIGIR 2024, §3.2): one memory per rated click, retrieved as the most recent ones and
 * the ones most relevant to the items on the page, plus a reflection written after every
 * {@value #REFLECT_EVERY} new memories. Relevance is the cosine of the items' latent vectors: the same geometry
 * the latent users live in, so no embedding model is needed (a text embedder can replace it behind this API).
 * The reflection is a summary of the last memories in words, not a model call, so it costs nothing and replays
 * trivially.
 *
 * <p>Indexed by the population's own user index (0-based in order of joining). Not thread-safe: the population
 * updates it on the scheduler thread, in user order, after a round's answers are in.
 */
public final class LlmUserMemory {
    /** A reflection is written after this many new memories (Agent4Rec reflects after 3). */
    public static final int REFLECT_EVERY = 3;
    /** The most memories kept per user; the oldest are forgotten first. */
    public static final int CAPACITY = 64;

    /** One remembered interaction. */
    public record Memory(int round, int item, int rating, String reason) {
    }

    private final List<List<Memory>> memories = new ArrayList<>();
    private final List<String> reflections = new ArrayList<>();
    private final List<Integer> sinceReflection = new ArrayList<>();

    /** Makes room for users {@code [0, users)}. */
    public void ensure(int users) {
        while (memories.size() < users) {
            memories.add(new ArrayList<>());
            reflections.add(null);
            sinceReflection.add(0);
        }
    }

    /** Remembers user {@code k}'s rated click; returns whether it is time to reflect. */
    public boolean add(int k, Memory m) {
        List<Memory> list = memories.get(k);
        if (list.size() == CAPACITY) {
            list.remove(0);
        }
        list.add(m);
        int n = sinceReflection.get(k) + 1;
        sinceReflection.set(k, n);
        return n >= REFLECT_EVERY;
    }

    /** Whether user {@code k} has {@value #REFLECT_EVERY} or more memories since its last reflection. */
    public boolean needsReflection(int k) {
        return sinceReflection.get(k) >= REFLECT_EVERY;
    }

    /** Stores user {@code k}'s reflection; the count toward the next one starts again. */
    public void addReflection(int k, String text) {
        reflections.set(k, text);
        sinceReflection.set(k, 0);
    }

    /** User {@code k}'s latest reflection, or null. */
    public String reflection(int k) {
        return reflections.get(k);
    }

    /** User {@code k}'s {@code n} most recent memories, oldest first. */
    public List<Memory> recent(int k, int n) {
        List<Memory> list = memories.get(k);
        return List.copyOf(list.subList(Math.max(0, list.size() - n), list.size()));
    }

    /**
     * User {@code k}'s {@code n} memories most relevant to {@code query[0..count)}: highest cosine of the
     * remembered item with any query item, ties to the more recent; {@code exclude} (the recent ones already
     * shown) are skipped. Most relevant first.
     */
    public List<Memory> relevant(int k, int[] query, int count, int n, List<Memory> exclude, ItemStore items) {
        List<Memory> list = memories.get(k);
        List<Memory> out = new ArrayList<>(n);
        if (n <= 0 || list.isEmpty() || count == 0) {
            return out;
        }
        int d = items.dims();
        float[] v = items.vectors();
        double[] score = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            int a = list.get(i).item();
            double best = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < count; q++) {
                best = Math.max(best, Vec.cosine(v, a * d, v, query[q] * d, d));
            }
            score[i] = best;
        }
        boolean[] taken = new boolean[list.size()];
        while (out.size() < n) {
            int pick = -1;
            for (int i = list.size() - 1; i >= 0; i--) {
                if (!taken[i] && !exclude.contains(list.get(i)) && (pick < 0 || score[i] > score[pick])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            taken[pick] = true;
            out.add(list.get(pick));
        }
        return out;
    }
}
