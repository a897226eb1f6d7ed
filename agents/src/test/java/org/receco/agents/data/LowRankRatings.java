package org.receco.agents.data;

import java.util.ArrayList;
import java.util.List;
import org.receco.core.rng.SplitMix;

/**
 * A seeded synthetic rating matrix of known low rank: {@code r = clip(3 + b_u + b_i + u·v + noise, 0.5, 5)} rounded
 * to half stars, each (user, item) observed with probability {@code density}. Test fixture.
 */
record LowRankRatings(int users, int items, int[] user, int[] item, float[] rating) {
    static LowRankRatings draw(int users, int items, int rank, double density, double noise, long seed) {
        SplitMix rng = new SplitMix(seed);
        double[] u = new double[users * rank];
        double[] v = new double[items * rank];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int j = 0; j < u.length; j++) {
            u[j] = rng.nextGaussian() * 0.8;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = rng.nextGaussian() * 0.8;
        }
        for (int j = 0; j < users; j++) {
            bu[j] = rng.nextGaussian() * 0.3;
        }
        for (int j = 0; j < items; j++) {
            bi[j] = rng.nextGaussian() * 0.3;
        }
        List<int[]> pairs = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                if (rng.nextDouble() >= density) {
                    continue;
                }
                double r = 3 + bu[a] + bi[b] + noise * rng.nextGaussian();
                for (int k = 0; k < rank; k++) {
                    r += u[a * rank + k] * v[b * rank + k];
                }
                r = Math.max(0.5, Math.min(5, Math.round(r * 2) / 2.0));
                pairs.add(new int[] {a, b});
                values.add((float) r);
            }
        }
        int n = pairs.size();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] rs = new float[n];
        for (int k = 0; k < n; k++) {
            us[k] = pairs.get(k)[0];
            is[k] = pairs.get(k)[1];
            rs[k] = values.get(k);
        }
        return new LowRankRatings(users, items, us, is, rs);
    }

    /** The ratings whose index {@code k} satisfies {@code k % folds == fold} ({@code keep}) or not. */
    LowRankRatings split(int folds, int fold, boolean keep) {
        int n = 0;
        for (int k = 0; k < user.length; k++) {
            if ((k % folds == fold) == keep) {
                n++;
            }
        }
        int[] us = new int[n];
        int[] is = new int[n];
        float[] rs = new float[n];
        int w = 0;
        for (int k = 0; k < user.length; k++) {
            if ((k % folds == fold) == keep) {
                us[w] = user[k];
                is[w] = item[k];
                rs[w++] = rating[k];
            }
        }
        return new LowRankRatings(users, items, us, is, rs);
    }
}
