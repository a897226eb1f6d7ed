package org.receco.core.world;

/**
 * What anyone, recommenders included, may know about items: their content vectors, authors, publication
 * round, topic label and which are live. Not their quality, which is ground truth.
 *
 * <p>Live items are indexed {@code 0..liveCount()} in increasing id order; {@link #liveVectors()} holds their
 * vectors contiguously in that order (rebuilt once per round, after publishing and retiring).
 */
public interface ItemCatalog {
    int dims();

    /** Number of items ever published. */
    int count();

    /** Vectors of all items ever published; item {@code i} at {@code [i*d, i*d+d)}. */
    float[] vectors();

    float norm(int item);

    int author(int item);

    int createdRound(int item);

    int topic(int item);

    boolean isLive(int item);

    int liveCount();

    /** Id of the {@code j}-th live item. */
    int liveItem(int j);

    /** Position of {@code item} in the live set, or -1 if retired. */
    int liveIndexOf(int item);

    /** Live items' vectors, compacted: live item {@code j} at {@code [j*d, j*d+d)}. */
    float[] liveVectors();

    /**
     * The live vectors by attribute: attribute {@code k} of live item {@code j} at {@code [k*liveStride() + j]}
     * (the transpose of {@link #liveVectors()}), for scoring many items per vector instruction.
     */
    float[] liveVectorsByDim();

    /** Row length of {@link #liveVectorsByDim()}: at least {@link #liveCount()}. */
    int liveStride();

    /**
     * Increases each time the live set changes (items published or retired), so caches keyed on it know when to
     * refresh; it stays the same while the live set does.
     */
    int liveVersion();
}
