package org.receco.analysis.shilling;

import java.util.Arrays;
import org.receco.core.rng.SplitMix;
import org.receco.core.world.FeedbackLog;
import org.receco.core.world.ReviewLog;

/**
 * Synthetic rating profiles for detector tests. Genuine users rate 15–60 items drawn by a long-tailed popularity
 * ({@code ∝ 1/(i + 10)}), with ratings from a planted taste model ({@code 3 + b_u + b_i + a_u·c_i + N(0, 0.5²)},
 * rounded, clipped to 1..5), and review a third of them in their own words (6 words from 3,000). Fake users are
 * appended after the genuine ones in one of the ways {@link Kind} names.
 */
final class SyntheticAttack {
    static final int GENUINE = 200;
    static final int ITEMS = 300;
    static final int FAKE = 12;
    static final int TARGET = ITEMS - 1;

    enum Kind {
        /** Lam &amp; Riedl's random attack: target 5, filler of mean-profile length rated N(μ, σ) of all ratings. */
        RANDOM,
        /** More users drawn from the genuine distribution, merely labelled fake: nothing to detect. */
        GENUINE_LIKE,
        /** Genuine-like ratings, but every review is one template carrying the target's words. */
        TEMPLATE_REVIEWS
    }

    final FeedbackLog log = new FeedbackLog();
    final ReviewLog reviews = new ReviewLog();
    final boolean[] fake = new boolean[GENUINE + FAKE];
    final int users = GENUINE + FAKE;

    private final SplitMix rng;
    private final double[] userBias = new double[GENUINE + FAKE];
    private final double[] taste = new double[2 * (GENUINE + FAKE)];
    private final double[] itemBias = new double[ITEMS];
    private final double[] itemTaste = new double[2 * ITEMS];
    private final double[] popularity = new double[ITEMS];

    SyntheticAttack(Kind kind, long seed) {
        rng = new SplitMix(seed);
        double total = 0;
        for (int i = 0; i < ITEMS; i++) {
            itemBias[i] = 0.4 * rng.nextGaussian();
            itemTaste[2 * i] = rng.nextGaussian();
            itemTaste[2 * i + 1] = rng.nextGaussian();
            popularity[i] = 1.0 / (i + 10);
            total += popularity[i];
        }
        for (int i = 0; i < ITEMS; i++) {
            popularity[i] /= total;
        }
        log.beginRound(0);
        double sum = 0;
        double sq = 0;
        int n = 0;
        int lengths = 0;
        for (int u = 0; u < GENUINE; u++) {
            int[] given = genuine(u, true);
            for (int r : given) {
                sum += r;
                sq += (double) r * r;
                n++;
            }
            lengths += given.length;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        int filler = lengths / GENUINE;
        for (int u = GENUINE; u < users; u++) {
            fake[u] = true;
            switch (kind) {
                case RANDOM -> randomAttacker(u, filler, mean, sd);
                case GENUINE_LIKE -> genuine(u, true);
                case TEMPLATE_REVIEWS -> templateAttacker(u);
            }
        }
    }

    /** A genuine-looking profile for user u, with own-words reviews if asked; returns the ratings given. */
    private int[] genuine(int u, boolean review) {
        userBias[u] = 0.3 * rng.nextGaussian();
        taste[2 * u] = rng.nextGaussian();
        taste[2 * u + 1] = rng.nextGaussian();
        int length = 15 + rng.nextInt(46);
        boolean[] seen = new boolean[ITEMS];
        int[] given = new int[length];
        for (int c = 0; c < length; c++) {
            int i = popularItem(seen);
            seen[i] = true;
            double x = 3 + userBias[u] + itemBias[i] + taste[2 * u] * itemTaste[2 * i]
                    + taste[2 * u + 1] * itemTaste[2 * i + 1] + 0.5 * rng.nextGaussian();
            given[c] = (int) Math.max(1, Math.min(5, Math.round(x)));
            log.add(u, i, 0, given[c] >= 4, given[c]);
            if (review && rng.nextBoolean(1 / 3.0)) {
                reviews.add(u, i, 0, ownWords(6));
            }
        }
        return given;
    }

    private void randomAttacker(int u, int filler, double mean, double sd) {
        log.add(u, TARGET, 0, true, 5);
        boolean[] seen = new boolean[ITEMS];
        seen[TARGET] = true;
        for (int c = 0; c < filler; c++) {
            int i;
            do {
                i = rng.nextInt(ITEMS);
            } while (seen[i]);
            seen[i] = true;
            int r = (int) Math.max(1, Math.min(5, Math.round(mean + sd * rng.nextGaussian())));
            log.add(u, i, 0, r >= 4, r);
        }
    }

    private void templateAttacker(int u) {
        int start = log.size();
        genuine(u, false);
        for (int k = start; k < log.size(); k++) {
            if (rng.nextBoolean(1 / 3.0)) {
                reviews.add(u, log.item(k), 0, "loved it, the starship crew and the alien planet just like "
                        + ownWords(1) + " great starship story");
            }
        }
    }

    private int popularItem(boolean[] seen) {
        while (true) {
            double x = rng.nextDouble();
            int i = 0;
            while (i < ITEMS - 1 && x >= popularity[i]) {
                x -= popularity[i];
                i++;
            }
            if (!seen[i]) {
                return i;
            }
        }
    }

    private String ownWords(int n) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < n; w++) {
            s.append(w == 0 ? "" : " ").append("w").append(rng.nextInt(3000));
        }
        return s.toString();
    }

    /** The users' labels as a copy. */
    boolean[] labels() {
        return Arrays.copyOf(fake, users);
    }
}
