package org.receco.core.world;

import java.util.Arrays;

/**
 * Ground truth about users, struct-of-arrays: true preference vectors (now, one round ago, at join), topic,
 * population and the round each user joined. Users can be added mid-run (new cohorts, injected fake users);
 * ids are dense and never reused. Recommenders never see this type: it belongs to {@link GroundTruth}.
 */
public final class UserStore {
    private final int dims;
    private int count;
    private float[] prefs;
    private float[] previous;
    private float[] initial;
    private int[] topic;
    private int[] population;
    private int[] joined;

    public UserStore(int dims, int capacity) {
        this.dims = dims;
        int c = Math.max(1, capacity);
        prefs = new float[c * dims];
        previous = new float[c * dims];
        initial = new float[c * dims];
        topic = new int[c];
        population = new int[c];
        joined = new int[c];
    }

    /** Adds a user with preference vector {@code v[off..off+d)}; returns its id. */
    public int add(float[] v, int off, int topicId, int populationId, int round) {
        ensure(count + 1);
        int u = count++;
        System.arraycopy(v, off, prefs, u * dims, dims);
        System.arraycopy(v, off, previous, u * dims, dims);
        System.arraycopy(v, off, initial, u * dims, dims);
        topic[u] = topicId;
        population[u] = populationId;
        joined[u] = round;
        return u;
    }

    private void ensure(int n) {
        if (n > topic.length) {
            int c = Math.max(n, topic.length * 2);
            prefs = Arrays.copyOf(prefs, c * dims);
            previous = Arrays.copyOf(previous, c * dims);
            initial = Arrays.copyOf(initial, c * dims);
            topic = Arrays.copyOf(topic, c);
            population = Arrays.copyOf(population, c);
            joined = Arrays.copyOf(joined, c);
        }
    }

    public int count() {
        return count;
    }

    public int dims() {
        return dims;
    }

    /** Current true preferences; user {@code u} at {@code [u*d, u*d+d)}. Mutated only in the feedback phase. */
    public float[] prefs() {
        return prefs;
    }

    /** Preferences at the start of the latest feedback phase (one round ago). */
    public float[] previousPrefs() {
        return previous;
    }

    /** Preferences when each user joined. */
    public float[] initialPrefs() {
        return initial;
    }

    /** Topic of origin (the mixture component the user was drawn from). */
    public int topic(int u) {
        return topic[u];
    }

    public int population(int u) {
        return population[u];
    }

    public int joinedRound(int u) {
        return joined[u];
    }

    /** Remembers the current preferences as "previous", before this round's interest shift. */
    public void snapshotPrevious() {
        System.arraycopy(prefs, 0, previous, 0, count * dims);
    }
}
