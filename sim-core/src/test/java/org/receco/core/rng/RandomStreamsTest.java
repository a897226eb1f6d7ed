package org.receco.core.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void aStreamDependsOnlyOnTheRootSeedAndItsName() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        a.stream("observer.extra").nextLong(); // using another stream must not shift this one
        assertEquals(a.stream("user.choose").nextLong(), b.stream("user.choose").nextLong());
        assertNotEquals(a.streamSeed("user.choose"), a.streamSeed("user.chose"));
        assertNotEquals(new RandomStreams(43).streamSeed("user.choose"), a.streamSeed("user.choose"));
    }

    @Test
    void perAgentSeedsDifferAcrossRoundsAndAgents() {
        long s = new RandomStreams(1).streamSeed("x");
        assertNotEquals(RandomStreams.seed(s, 0, 1), RandomStreams.seed(s, 1, 0));
        assertNotEquals(RandomStreams.seed(s, 3, 7), RandomStreams.seed(s, 3, 8));
        assertEquals(RandomStreams.seed(s, 3, 7), RandomStreams.seed(s, 3, 7));
    }

    @Test
    void splitMixIsUniformAndGaussianEnough() {
        // 100k draws: the standard error of a uniform mean is 0.29/sqrt(1e5) = 0.0009, so 0.005 is > 5 SE.
        SplitMix r = new SplitMix(7);
        int n = 100_000;
        double sum = 0, gs = 0, gss = 0;
        int[] buckets = new int[10];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            sum += u;
            buckets[r.nextInt(10)]++;
            double g = r.nextGaussian();
            gs += g;
            gss += g * g;
        }
        assertEquals(0.5, sum / n, 0.005);
        for (int c : buckets) {
            assertTrue(Math.abs(c - n / 10) < 500, "bucket count " + c); // sd ~ 95
        }
        assertEquals(0.0, gs / n, 0.02);
        assertEquals(1.0, gss / n, 0.03);
    }
}
