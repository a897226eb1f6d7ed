package org.receco.core.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class TopKTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void selectsTheSameAsAFullSortWithLowerIndexWinningTies(long seed) {
        SplitMix rng = new SplitMix(seed);
        int n = 1000;
        float[] scores = new float[n];
        for (int j = 0; j < n; j++) {
            scores[j] = rng.nextInt(50); // many ties
        }
        int k = 37;
        int[] out = new int[k];
        int got = new TopK(4).select(scores, 0, n, k, Float.NEGATIVE_INFINITY, out);
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
        assertEquals(k, got);
        assertArrayEquals(expected, out);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void agreesWithAFullSortOnLongRowsWithAFloorAndNaNs(long seed) {
        // Long rows exercise the vectorised threshold scan after the heap fills.
        SplitMix rng = new SplitMix(seed);
        int n = 5003;
        int off = 11;
        float[] scores = new float[off + n];
        for (int j = 0; j < scores.length; j++) {
            scores[j] = rng.nextInt(20) == 0 ? Float.NaN : rng.nextInt(400) - 100;
        }
        float floor = 0f;
        int k = 10;
        int[] out = new int[k];
        int got = new TopK(k).select(scores, off, n, k, floor, out);
        int[] expected = IntStream.range(0, n).filter(j -> scores[off + j] > floor).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -scores[off + j]).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
        assertEquals(k, got);
        assertArrayEquals(expected, out);
    }

    @Test
    void skipsScoresAtOrBelowTheFloorAndReturnsFewerWhenShort() {
        float[] scores = {Float.NEGATIVE_INFINITY, 3f, Float.NEGATIVE_INFINITY, 1f, 2f};
        int[] out = new int[5];
        int got = new TopK(2).select(scores, 0, scores.length, 5, Float.NEGATIVE_INFINITY, out);
        assertEquals(3, got);
        assertArrayEquals(new int[] {1, 4, 3}, Arrays.copyOf(out, got));
    }

    @Test
    void honoursTheOffsetIntoASharedRow() {
        float[] scores = {9f, 9f, 1f, 5f, 3f};
        int[] out = new int[2];
        int got = new TopK(2).select(scores, 2, 3, 2, Float.NEGATIVE_INFINITY, out);
        assertEquals(2, got);
        assertArrayEquals(new int[] {1, 2}, out); // indices relative to the offset
    }

    /** The order the slate contract promises: higher score first, equal scores by lower index (−0 ties +0). */
    private static int[] fullSort(float[] scores, int off, int n, int k, float floor) {
        return IntStream.range(0, n).filter(j -> scores[off + j] > floor).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -(scores[off + j] + 0f)).thenComparingInt(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Long rows take the sampled threshold; rows laid out to fool a strided sample (scores rising along the index,
     * periodic spikes of every period up to 64 and phase, fewer high scores than k) may make it fall short of k
     * so the plain pass runs again. Whichever path a row takes, the answer must be the full sort's.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void agreesWithAFullSortOnLongRowsOfEveryShape(long seed) {
        SplitMix rng = new SplitMix(seed);
        TopK top = new TopK(1);
        int[] sizes = {1, 5, 37, 120, 400};
        for (int shape = 0; shape < 6; shape++) {
            for (int period = 2; period <= 64; period += shape == 4 ? 1 : 31) {
                int n = 2000 + rng.nextInt(30000);
                int k = sizes[rng.nextInt(sizes.length)];
                int off = rng.nextInt(17);
                int phase = rng.nextInt(period);
                float[] scores = new float[off + n + 3];
                for (int j = 0; j < scores.length; j++) {
                    int i = j - off;
                    scores[j] = switch (shape) {
                        case 0 -> (float) rng.nextGaussian();                     // BPR-like, few ties
                        case 1 -> rng.nextInt(8) - 4;                             // ties everywhere, ±0 included
                        case 2 -> i * 1e-3f + rng.nextInt(3);                     // rising along the index
                        case 3 -> -i * 1e-3f + rng.nextInt(3);                    // falling
                        case 4 -> Math.floorMod(i, period) == phase ? 100f + rng.nextInt(5) : rng.nextInt(50);
                        default -> rng.nextInt(n) < k / 2 ? 1e6f : rng.nextInt(10) == 0
                                ? Float.NEGATIVE_INFINITY : rng.nextInt(20) == 0 ? Float.NaN : -0f;
                    };
                }
                float floor = rng.nextInt(4) == 0 ? 0f : Float.NEGATIVE_INFINITY;
                int[] out = new int[k];
                int got = top.select(scores, off, n, k, floor, out);
                int[] expected = fullSort(scores, off, n, k, floor);
                assertArrayEquals(expected, Arrays.copyOf(out, got),
                        "shape " + shape + ", period " + period + ", n " + n + ", k " + k);
            }
        }
    }

    /**
     * Runs of 16 high scores spread evenly over the row, 64 of them, the way the sample spreads its own runs
     * (rows of 63 periods plus one run): at these phases the sample sees almost only high scores, so its
     * threshold leaves fewer than k scores (k is more than the 1,024 high ones) and the row must be selected
     * again without it.
     */
    @Test
    void agreesWithAFullSortWhenTheSampleSeesOnlyHighScores() {
        TopK top = new TopK(1);
        int k = 1100;
        int[] out = new int[k];
        for (int period = 280; period <= 284; period++) {
            int n = 63 * period + 16;
            for (int phase = 0; phase < 4; phase++) {
                float[] scores = new float[n];
                for (int j = 0; j < n; j++) {
                    int inPeriod = Math.floorMod(j - phase, period);
                    scores[j] = inPeriod < 16 && j - phase <= 63 * period ? 100f : (j * 7919) % 50;
                }
                int got = top.select(scores, 0, n, k, Float.NEGATIVE_INFINITY, out);
                assertArrayEquals(fullSort(scores, 0, n, k, Float.NEGATIVE_INFINITY), Arrays.copyOf(out, got),
                        "period " + period + ", phase " + phase);
            }
        }
    }

    @Test
    void heapKeysOrderAsScoreThenLowerIndex() {
        float[] values = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE, -0f, 0f,
                Float.MIN_VALUE, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        for (float a : values) {
            for (float b : values) {
                int expected = a > b ? 1 : a < b ? -1 : 0;
                assertEquals(expected, Integer.signum(Long.compare(TopK.key(a, 7), TopK.key(b, 7))), a + " vs " + b);
                assertEquals(a + 0f, TopK.scoreOf(TopK.key(a, 3)));
            }
            assertEquals(1, Long.compare(TopK.key(a, 2), TopK.key(a, 9)), "lower index ranks above at " + a);
            assertEquals(12345, TopK.indexOf(TopK.key(a, 12345)));
        }
    }
}
