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
}
