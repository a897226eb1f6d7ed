package org.receco.core.rng;

import java.nio.charset.StandardCharsets;

/**
 * All randomness of a run, derived from one root seed through named child streams.
 *
 * <p>Each component asks for its own stream by a stable name ("users.init", "choice", "author.publish",
 * "observer.homogenisation", ...). A stream's seed depends only on the root seed and the name, so adding
 * a component (an observer, say) never shifts the draws of another. For per-agent draws inside parallel
 * loops use {@link #seed(long, long, long)} with a {@link SplitMix} per thread.
 */
public final class RandomStreams {
    private final long rootSeed;

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /** The 64-bit seed of the stream called {@code name}. */
    public long streamSeed(String name) {
        long h = 0xCBF29CE484222325L; // FNV-1a 64 over UTF-8 bytes
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= 0x100000001B3L;
        }
        return mix(rootSeed ^ mix(h));
    }

    /** A fresh generator for the stream called {@code name}. */
    public SplitMix stream(String name) {
        return new SplitMix(streamSeed(name));
    }

    /** A MASON-compatible generator for the stream called {@code name}. */
    public ec.util.MersenneTwisterFast masonStream(String name) {
        return new ec.util.MersenneTwisterFast(streamSeed(name));
    }

    /** Seed for draw sequence {@code (a, b)} of a stream, e.g. (round, userId). Pure function of its inputs. */
    public static long seed(long streamSeed, long a, long b) {
        return mix(streamSeed ^ mix(a * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L) ^ mix(b + 0x85157AF5L));
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
