package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** The confidence interval and shards. */
class SweepSummaryTest {
    @Test
    void tIntervalOfTheMean() {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : new double[] {1, 2, 3, 4}) {
            s.addValue(v);
        }
        double[] ci = SweepSummary.interval(s);
        double half = 3.182446305284263 * Math.sqrt(5.0 / 3.0) / 2; // t(0.975, 3) * sd / sqrt(4)
        assertEquals(2.5 - half, ci[0], 1e-9);
        assertEquals(2.5 + half, ci[1], 1e-9);
        SummaryStatistics one = new SummaryStatistics();
        one.addValue(7);
        assertTrue(Double.isNaN(SweepSummary.interval(one)[0]));
    }

    @Test
    void shardsPartitionTheRuns() {
        Shard s = Shard.parse("1/3");
        assertEquals(new Shard(1, 3), s);
        assertTrue(s.owns(4) && !s.owns(3));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
