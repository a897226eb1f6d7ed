package org.receco.core.world;

import java.util.Arrays;

/**
 * Authors (content creators), struct-of-arrays: a latent vector (what they write about), topic of origin and
 * the round they joined. Authors can be added mid-run; ids are dense.
 */
public final class AuthorStore {
    private final int dims;
    private int count;
    private float[] vec;
    private int[] topic;
    private int[] joined;

    public AuthorStore(int dims, int capacity) {
        this.dims = dims;
        int c = Math.max(1, capacity);
        vec = new float[c * dims];
        topic = new int[c];
        joined = new int[c];
    }

    public int add(float[] v, int off, int topicId, int round) {
        if (count == topic.length) {
            int c = topic.length * 2;
            vec = Arrays.copyOf(vec, c * dims);
            topic = Arrays.copyOf(topic, c);
            joined = Arrays.copyOf(joined, c);
        }
        int a = count++;
        System.arraycopy(v, off, vec, a * dims, dims);
        topic[a] = topicId;
        joined[a] = round;
        return a;
    }

    public int count() {
        return count;
    }

    public int dims() {
        return dims;
    }

    /** Author vectors; author {@code a} at {@code [a*d, a*d+d)}. */
    public float[] vectors() {
        return vec;
    }

    public int topic(int a) {
        return topic[a];
    }

    public int joinedRound(int a) {
        return joined[a];
    }
}
