package org.receco.agents.llm.memory;

import java.util.List;

/**
 * Turns sentences into vectors whose dot products measure how alike the sentences mean, for retrieving an agent's
 * memories by relevance (Park et al., "Generative Agents", UIST 2023; Zhang et al., "On Generative Agents in
 * Recommendation", SIGIR 2024). One call embeds many texts, so a population's texts of a round go in one batch.
 */
public interface Embedder {
    /** What embeds, for records and messages (a model name). */
    String name();

    /** The length of every vector. */
    int dims();

    /**
     * One L2-normalised vector of {@link #dims()} per text, in the order given; the same text always gives the same
     * vector, whatever else is in the batch.
     */
    float[][] embed(List<String> texts);

    /**
     * No embedding: vectors of no dimensions, so every similarity is 0 and retrieval by relevance falls back to
     * recency (the cheapest memory; costs nothing per text).
     */
    static Embedder none() {
        return NoEmbedder.INSTANCE;
    }

    /** Scales {@code v} to unit length in place (a zero vector stays zero) and returns it. */
    static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int k = 0; k < v.length; k++) {
                v[k] *= inv;
            }
        }
        return v;
    }

    /** The dot product: the cosine similarity of two normalised vectors. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }
}
