package org.receco.agents.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.receco.core.rng.SplitMix;

class DirichletTest {
    @Test
    void drawsLieOnTheSimplexEvenForTinyConcentrations() {
        SplitMix rng = new SplitMix(7);
        double[] alpha = new double[20];
        Arrays.fill(alpha, 0.005);
        float[] out = new float[20];
        for (int t = 0; t < 1000; t++) {
            Dirichlet.sample(alpha, 20, rng, out, 0, new double[20]);
            double s = 0;
            for (float x : out) {
                assertTrue(x >= 0);
                s += x;
            }
            assertEquals(1.0, s, 1e-5);
        }
    }

    @Test
    void dirichletAndBetaMeansMatch() {
        SplitMix rng = new SplitMix(3);
        double[] alpha = {1, 2, 7};
        double[] mean = new double[3];
        int n = 20000;
        for (int t = 0; t < n; t++) {
            double[] x = Dirichlet.sample(alpha, rng);
            for (int k = 0; k < 3; k++) {
                mean[k] += x[k] / n;
            }
        }
        assertEquals(0.1, mean[0], 0.01);
        assertEquals(0.7, mean[2], 0.01);
        double b = 0;
        for (int t = 0; t < n; t++) {
            b += Dirichlet.beta(0.3, 0.01, rng) / n;
        }
        assertEquals(0.3, b, 0.005);
        assertEquals(0.42, Dirichlet.beta(0.42, 0, rng));
    }
}
