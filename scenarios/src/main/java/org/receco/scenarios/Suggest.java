package org.receco.scenarios;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions for scenario keys and names, by edit distance (case-insensitive, exact case breaking
 * ties). {@link #distance} is also what the command line's suggestions for mistyped commands and options use.
 */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code given}, if it is close enough to be a plausible typo. */
    static Optional<String> closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = 2 * distance(given.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT))
                    + (distance(given, c) > 0 ? 1 : 0);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int threshold = Math.max(2, Math.min(given.length(), best.length()) / 2);
        return bestDistance / 2 <= threshold ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /**
     * The number of single-character insertions, deletions, substitutions and swaps of neighbours that turn
     * {@code a} into {@code b} (the optimal-string-alignment distance: each part of a string is edited once).
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
