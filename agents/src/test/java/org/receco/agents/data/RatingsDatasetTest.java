package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingsDatasetTest {
    private static final MovieCatalog ONE = MovieCatalog.of(new int[] {1}, List.of("a"), List.of("Drama"));

    @Test
    void halfStarsRoundUpToWholeStars() {
        float[] r = {0.5f, 1f, 1.5f, 2.5f, 3.5f, 4.5f, 5f};
        int n = r.length;
        RatingsDataset d = new RatingsDataset(ONE, new int[] {1}, new int[n], new int[n], r, new long[n]);
        int[] stars = new int[n];
        for (int k = 0; k < n; k++) {
            stars[k] = d.stars(k);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 1, 2, 3, 4, 5, 5}, stars);
        assertEquals((0.5 + 1 + 1.5 + 2.5 + 3.5 + 4.5 + 5) / 7, d.meanRating(), 1e-6);
        assertEquals(7, d.ratings());
        assertEquals(1, d.users());
    }

    @Test
    void columnsMustAgreeInLength() {
        assertThrows(IllegalArgumentException.class,
                () -> new RatingsDataset(ONE, new int[] {1}, new int[2], new int[1], new float[2], new long[2]));
    }
}
