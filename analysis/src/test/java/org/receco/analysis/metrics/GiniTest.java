package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GiniTest {
    @Test
    void equalExposureIsZero() {
        assertEquals(0.0, Gini.of(3, 3, 3, 3), 1e-12);
    }

    @Test
    void allOnOneOfNIsNMinusOneOverN() {
        assertEquals(4.0 / 5.0, Gini.of(0, 0, 7, 0, 0), 1e-12);
    }

    @Test
    void handComputedCase() {
        // sorted 1, 2, 3: sum (2j - n - 1) e_j = -2*1 + 0*2 + 2*3 = 4; n * total = 3 * 6 = 18
        assertEquals(4.0 / 18.0, Gini.of(3, 1, 2), 1e-12);
    }

    @Test
    void allZeroIsZeroByConvention() {
        assertEquals(0.0, Gini.of(0, 0, 0), 0.0);
    }
}
