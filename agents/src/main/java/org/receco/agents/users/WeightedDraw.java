package org.receco.agents.users;

import org.receco.core.rng.SplitMix;

/**
 * Draws without replacement with probabilities proportional to weights, one uniform number a draw: SimuLine's
 * click rule (Zhou et al., "SimuLine: A Simulation Platform for News Recommender Systems", WWW 2023), softmax
 * weights over a slate from which each click removes its item. Shared by the SimuLine users and the LLM users'
 * latent twins, so the two draw alike from the same stream.
 */
public final class WeightedDraw {
    private WeightedDraw() {
    }

    /**
     * Draws up to {@code k} of the positions {@code 0..len} of {@code weight}, each with probability its weight
     * over the weight still left, into {@code picks} in draw order; a drawn position's weight is set to 0. Stops
     * early when no weight is left.
     *
     * @param total the sum of {@code weight[0..len)}, as the caller summed it (rounding included), so that a
     *        caller's draws stay bit for bit what they were
     * @return how many positions were drawn
     */
    public static int withoutReplacement(double[] weight, int len, double total, int k, SplitMix rng, int[] picks) {
        int drawn = 0;
        for (int c = 0; c < k; c++) {
            double x = rng.nextDouble() * total;
            int pick = -1;
            for (int p = 0; p < len; p++) {
                if (weight[p] > 0) {
                    pick = p;
                    x -= weight[p];
                    if (x < 0) {
                        break;
                    }
                }
            }
            if (pick < 0) {
                break;
            }
            total -= weight[pick];
            weight[pick] = 0;
            picks[drawn++] = pick;
        }
        return drawn;
    }
}
