package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HomogenisationTest {
    @Test
    void jaccardOfIdenticalSetsIsOne() {
        assertEquals(1.0, Homogenisation.jaccard(new int[] {1, 4, 9}, 3, new int[] {1, 4, 9}, 3), 0.0);
    }

    @Test
    void jaccardOfDisjointSetsIsZeroAndOverlapIsIntersectionOverUnion() {
        assertEquals(0.0, Homogenisation.jaccard(new int[] {1, 2}, 2, new int[] {3, 4}, 2), 0.0);
        assertEquals(2.0 / 5.0, Homogenisation.jaccard(new int[] {1, 2, 3, 4}, 4, new int[] {3, 4, 5}, 3), 1e-12);
        assertEquals(0.0, Homogenisation.jaccard(new int[0], 0, new int[0], 0), 0.0);
    }
}
