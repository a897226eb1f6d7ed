package org.receco.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class MeanIntervalTest {

    /** 1, 2, 3, 4: mean 2.5, sd √(5/3), t(0.975, 3) = 3.182446305284263 (printed t tables: 3.182). */
    @Test
    void aHandComputedInterval() {
        MeanInterval m = MeanInterval.of(1, 2, 3, 4);
        double half = 3.182446305284263 * Math.sqrt(5.0 / 3.0) / 2;
        assertEquals(2.5, m.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), m.sd(), 1e-12);
        assertEquals(2.5 - half, m.low(), 1e-9);
        assertEquals(2.5 + half, m.high(), 1e-9);
        assertEquals(4, m.n());
        assertTrue(m.above(2.5 - half - 1e-6) && !m.above(2.5 - half + 1e-6));
        assertTrue(m.below(2.5 + half + 1e-6) && !m.below(2.5 + half - 1e-6));
    }

    @Test
    void missingReplicatesAreLeftOut() {
        assertEquals(MeanInterval.of(1, 2, 3, 4), MeanInterval.of(1, Double.NaN, 2, 3, Double.NaN, 4));
    }

    @Test
    void valuesAndTheirSummaryGiveTheSameInterval() {
        SplitMix rng = new SplitMix(5);
        double[] v = new double[17];
        SummaryStatistics s = new SummaryStatistics();
        for (int k = 0; k < v.length; k++) {
            v[k] = 3 + 2 * rng.nextGaussian();
            s.addValue(v[k]);
        }
        MeanInterval a = MeanInterval.of(v);
        MeanInterval b = MeanInterval.of(s);
        assertEquals(a.mean(), b.mean(), 1e-12);
        assertEquals(a.low(), b.low(), 1e-12);
        assertEquals(a.high(), b.high(), 1e-12);
    }

    /** One replicate says nothing about spread: the interval is undefined, not of zero width. */
    @Test
    void oneReplicateHasAMeanButNoInterval() {
        for (MeanInterval m : new MeanInterval[] {MeanInterval.of(7.0), MeanInterval.of(single(7.0))}) {
            assertEquals(7.0, m.mean());
            assertEquals(1, m.n());
            assertFalse(m.defined());
            assertTrue(Double.isNaN(m.sd()) && Double.isNaN(m.low()) && Double.isNaN(m.high()));
            assertFalse(m.above(0) || m.below(100), "an undefined interval supports no claim");
            assertEquals(7.0, m.lowOrMean());
            assertEquals(7.0, m.highOrMean());
            assertTrue(m.toString().contains("no interval"), m.toString());
        }
    }

    @Test
    void noReplicatesHaveNoMean() {
        MeanInterval m = MeanInterval.of(Double.NaN);
        assertEquals(0, m.n());
        assertTrue(Double.isNaN(m.mean()) && !m.defined());
        assertEquals(0, MeanInterval.of(new SummaryStatistics()).n());
    }

    /**
     * The interval covers the true mean about 95 % of the time: 2,000 samples of 5 from N(1, 1); the count
     * of misses is Binomial(2000, 0.05), sd ≈ 9.7, so 100 ± 40 (over 4 sd) fails only if the interval is wrong.
     */
    @Test
    void itCoversTheTrueMeanNinetyFivePercentOfTheTime() {
        SplitMix rng = new SplitMix(11);
        int misses = 0;
        double[] v = new double[5];
        for (int trial = 0; trial < 2000; trial++) {
            for (int k = 0; k < v.length; k++) {
                v[k] = 1 + rng.nextGaussian();
            }
            MeanInterval m = MeanInterval.of(v);
            if (m.above(1) || m.below(1)) {
                misses++;
            }
        }
        assertTrue(Math.abs(misses - 100) <= 40, misses + " misses of 2000");
    }

    private static SummaryStatistics single(double v) {
        SummaryStatistics s = new SummaryStatistics();
        s.addValue(v);
        return s;
    }
}
