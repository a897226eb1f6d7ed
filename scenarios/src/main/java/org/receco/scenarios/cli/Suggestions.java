package org.receco.scenarios.cli;

import java.util.List;

/**
 * "Did you mean ...?" for a mistyped command or option name: the known name closest to the typed one by edit
 * distance, if it is close enough to be a typo. Only used on the error path.
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The name in {@code known} closest to {@code typed} by {@link #distance} (the first of equally close ones),
     * if it differs in at most a third of its characters (at least one, at most three); or, when {@code typed} is
     * a prefix of exactly one name, that name. Names of one or two characters (short options) are never
     * suggested: every other one is a single edit away.
     */
    static String closest(String typed, List<String> known) {
        String prefixed = null;
        int prefixedCount = 0;
        for (String name : known) {
            if (typed.length() >= 2 && name.startsWith(typed)) {
                prefixed = name;
                prefixedCount++;
            }
        }
        if (prefixedCount == 1) {
            return prefixed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int d = distance(typed, name);
            if (name.length() > 2 && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = Math.min(3, Math.max(1, best.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /**
     * The number of single-character insertions, deletions, substitutions and swaps of neighbours that turn
     * {@code a} into {@code b} (the optimal-string-alignment distance: each part of a string is edited once).
     */
    static int distance(String a, String b) {
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
