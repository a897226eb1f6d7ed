package org.receco.agents.llm.memory;

import java.util.Arrays;
import java.util.List;

/** {@link Embedder#none()}: every text a vector of no dimensions, so every similarity is 0. */
final class NoEmbedder implements Embedder {
    static final NoEmbedder INSTANCE = new NoEmbedder();

    private static final float[] EMPTY = new float[0];

    private NoEmbedder() {
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public int dims() {
        return 0;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        Arrays.fill(out, EMPTY);
        return out;
    }
}
