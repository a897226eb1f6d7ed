package org.receco.core.rng;

/**
 * A small, fast, re-seedable generator (SplitMix64, Steele, Lea &amp; Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014).
 *
 * <p>Hot loops re-seed one instance per worker thread with {@link RandomStreams#seed(long, long, long)}
 * for each (round, agent) pair, so every agent's draws are a function of the root seed, the stream name,
 * the round and the agent id only: results do not depend on thread count or scheduling, and no object is
 * allocated per agent. Not thread-safe; use one instance per thread.
 */
public final class SplitMix {
    private long state;
    private double nextGaussian;
    private boolean haveNextGaussian;

    public SplitMix(long seed) {
        reseed(seed);
    }

    /** Restarts the sequence from {@code seed}; the same seed always yields the same sequence. */
    public void reseed(long seed) {
        state = seed;
        haveNextGaussian = false;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound); bound must be positive. Lemire's nearly-divisionless method. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long l = m & 0xFFFFFFFFL;
        if (l < bound) {
            long t = (0x100000000L - bound) % bound;
            while (l < t) {
                m = (nextLong() >>> 32) * bound;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal by the polar method (caches the second variate). */
    public double nextGaussian() {
        if (haveNextGaussian) {
            haveNextGaussian = false;
            return nextGaussian;
        }
        double v1, v2, s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = v2 * m;
        haveNextGaussian = true;
        return v1 * m;
    }

    public boolean nextBoolean(double p) {
        return nextDouble() < p;
    }

    /** Fisher–Yates shuffle of {@code a[0..n)}. */
    public void shuffle(int[] a, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
