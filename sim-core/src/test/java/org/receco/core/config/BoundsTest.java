package org.receco.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundsTest {
    record Sample(@Range(min = 1, max = 10) int count, @Range(min = 0) double spread,
                  @Range(max = 0.5) double cap, @Range(min = 1e-9, max = 1) double rate, String label, int free) {
        Sample {
            Bounds.check(Sample.class, "sample.", count, spread, cap, rate, label, free);
        }
    }

    private static String rejection(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void valuesOnTheBoundsAreAccepted() {
        new Sample(1, 0, 0.5, 1e-9, null, Integer.MIN_VALUE);
        new Sample(10, 1e300, -1e300, 1, "x", Integer.MAX_VALUE);
    }

    @Test
    void aValueOutsideItsRangeIsRejectedWithTheKeyAndTheBounds() {
        assertEquals("sample.count must be in [1, 10], got 0", rejection(() -> new Sample(0, 0, 0, 0.5, "", 0)));
        assertEquals("sample.count must be in [1, 10], got 11", rejection(() -> new Sample(11, 0, 0, 0.5, "", 0)));
        assertEquals("sample.spread must be at least 0, got -0.1",
                rejection(() -> new Sample(1, -0.1, 0, 0.5, "", 0)));
        assertEquals("sample.cap must be at most 0.5, got 0.6", rejection(() -> new Sample(1, 0, 0.6, 0.5, "", 0)));
        assertEquals("sample.rate must be in [1.0E-9, 1], got 0.0", rejection(() -> new Sample(1, 0, 0, 0, "", 0)));
    }

    @Test
    void nanIsOutsideEveryRange() {
        assertEquals("sample.spread must be at least 0, got NaN",
                rejection(() -> new Sample(1, Double.NaN, 0, 0.5, "", 0)));
    }

    @Test
    void checkingTheWrongNumberOfValuesIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> Bounds.check(Sample.class, "", 1, 2.0));
    }
}
