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
     * The name in {@code known} with the fewest single-character insertions, deletions and substitutions from
     * {@code typed} (the first of equally close ones), or null when even that one differs in more than a third
     * of its characters (at least 1, at most 3), or when {@code typed} is a prefix of exactly one name, that
     * name.
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
            if (d < bestDistance) {
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

    /** The Levenshtein distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
