package org.receco.core.world;

import org.receco.core.util.Vec;

/**
 * The latent space every vector lives in: dimension {@code d} and {@code K} topic centres.
 * An item's or agent's topic is the index of its nearest centre (by cosine), so a topic label always
 * describes where a vector is now.
 */
public final class LatentSpace {
    private final int dims;
    private final int topics;
    private final float[] centres;

    public LatentSpace(int dims, float[] centres) {
        if (dims <= 0) {
            throw new IllegalArgumentException("dims must be positive");
        }
        if (centres.length == 0 || centres.length % dims != 0) {
            throw new IllegalArgumentException("centres length must be a positive multiple of dims");
        }
        this.dims = dims;
        this.topics = centres.length / dims;
        this.centres = centres.clone();
    }

    public int dims() {
        return dims;
    }

    public int topics() {
        return topics;
    }

    /** Coordinate {@code k} of topic centre {@code t}. */
    public float centre(int t, int k) {
        return centres[t * dims + k];
    }

    /** Copies topic centre {@code t} into {@code out[off..off+d)}. */
    public void copyCentre(int t, float[] out, int off) {
        System.arraycopy(centres, t * dims, out, off, dims);
    }

    /** The topic whose centre has the highest cosine with the vector at {@code v[off..off+d)}. */
    public int nearestTopic(float[] v, int off) {
        int best = 0;
        float bestCos = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < topics; t++) {
            float c = Vec.cosine(v, off, centres, t * dims, dims);
            if (c > bestCos) {
                bestCos = c;
                best = t;
            }
        }
        return best;
    }
}
