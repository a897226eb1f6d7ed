package org.receco.core.world;

import java.util.Arrays;
import org.receco.core.util.Vec;

/**
 * Every item ever published, struct-of-arrays, plus the set of live (recommendable) items.
 *
 * <p>Ids are dense and increase with publication time, so the live set, kept sorted by id, always ends with
 * the newest items: this round's new items are a contiguous suffix of it. {@link #liveVectors()} is a
 * compacted copy of the live items' vectors, rebuilt once per round, so scoring streams through one array.
 * Quality is ground truth and is exposed to recommenders only through {@link GroundTruth}.
 */
public final class ItemStore implements ItemCatalog {
    private final int dims;
    private int count;
    private float[] vec;
    private float[] norm;
    private int[] author;
    private int[] created;
    private int[] topic;
    private float[] quality;
    private boolean[] retired;

    private int[] live = new int[16];
    private int liveCount;
    private int[] liveIndex;
    private float[] liveVec = new float[0];
    private float[] liveByDim = new float[0];
    private int liveStride;
    private int liveVersion;
    /** Whether the live set changed since the last {@link #rebuildLive()} (item vectors never change). */
    private boolean liveChanged = true;

    public ItemStore(int dims, int capacity) {
        this.dims = dims;
        int c = Math.max(16, capacity);
        vec = new float[c * dims];
        norm = new float[c];
        author = new int[c];
        created = new int[c];
        topic = new int[c];
        quality = new float[c];
        retired = new boolean[c];
        liveIndex = new int[c];
    }

    /**
     * Publishes an item; it becomes live immediately but appears in {@link #liveVectors()} only after the next
     * {@link #rebuildLive()}. Returns its id.
     */
    public int add(float[] v, int off, int authorId, int round, float q, int topicId) {
        if (count == author.length) {
            int c = author.length * 2;
            vec = Arrays.copyOf(vec, c * dims);
            norm = Arrays.copyOf(norm, c);
            author = Arrays.copyOf(author, c);
            created = Arrays.copyOf(created, c);
            topic = Arrays.copyOf(topic, c);
            quality = Arrays.copyOf(quality, c);
            retired = Arrays.copyOf(retired, c);
            liveIndex = Arrays.copyOf(liveIndex, c);
        }
        int i = count++;
        System.arraycopy(v, off, vec, i * dims, dims);
        norm[i] = Vec.norm(vec, i * dims, dims);
        author[i] = authorId;
        created[i] = round;
        quality[i] = q;
        topic[i] = topicId;
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, live.length * 2);
        }
        liveIndex[i] = liveCount;
        live[liveCount++] = i;
        liveChanged = true;
        return i;
    }

    /** Retires every live item created before {@code minCreatedRound}; returns how many retired. */
    public int retireCreatedBefore(int minCreatedRound) {
        int w = 0;
        int removed = 0;
        for (int j = 0; j < liveCount; j++) {
            int i = live[j];
            if (created[i] < minCreatedRound) {
                retired[i] = true;
                liveIndex[i] = -1;
                removed++;
            } else {
                liveIndex[i] = w;
                live[w++] = i;
            }
        }
        liveCount = w;
        liveChanged |= removed > 0;
        return removed;
    }

    /**
     * Rebuilds the compacted live vector matrix; call after publishing and retiring. Does nothing when no item was
     * published or retired since the last call, so {@link #liveVersion()} changes only when the live set does and
     * what readers derive from the live matrix (norms, Gram matrices) can be kept across rounds.
     */
    public void rebuildLive() {
        if (!liveChanged) {
            return;
        }
        liveChanged = false;
        if (liveVec.length < liveCount * dims) {
            liveVec = new float[Math.max(liveCount * dims, liveVec.length * 2)];
        }
        for (int j = 0; j < liveCount; j++) {
            System.arraycopy(vec, live[j] * dims, liveVec, j * dims, dims);
        }
        // The same matrix by attribute, rows padded to a multiple of 16 floats, so that scoring loads a vector
        // of consecutive items per attribute without transposing tiles for every block of users.
        liveStride = (liveCount + 15) & ~15;
        if (liveByDim.length < liveStride * dims) {
            liveByDim = new float[Math.max(liveStride * dims, liveByDim.length * 2)];
        }
        for (int j = 0; j < liveCount; j++) {
            int o = j * dims;
            for (int k = 0; k < dims; k++) {
                liveByDim[k * liveStride + j] = liveVec[o + k];
            }
        }
        liveVersion++;
    }

    public void setQuality(int item, float q) {
        quality[item] = q;
    }

    public float quality(int item) {
        return quality[item];
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public float[] vectors() {
        return vec;
    }

    @Override
    public float norm(int item) {
        return norm[item];
    }

    @Override
    public int author(int item) {
        return author[item];
    }

    @Override
    public int createdRound(int item) {
        return created[item];
    }

    @Override
    public int topic(int item) {
        return topic[item];
    }

    @Override
    public boolean isLive(int item) {
        return item >= 0 && item < count && liveIndex[item] >= 0 && !retired[item];
    }

    @Override
    public int liveCount() {
        return liveCount;
    }

    @Override
    public int liveItem(int j) {
        return live[j];
    }

    @Override
    public int liveIndexOf(int item) {
        return retired[item] ? -1 : liveIndex[item];
    }

    @Override
    public float[] liveVectors() {
        return liveVec;
    }

    @Override
    public float[] liveVectorsByDim() {
        return liveByDim;
    }

    @Override
    public int liveStride() {
        return liveStride;
    }

    @Override
    public int liveVersion() {
        return liveVersion;
    }
}
