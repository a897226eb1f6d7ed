package org.receco.scenarios.cli;

import java.util.List;
import org.receco.scenarios.Suggest;

/**
 * "Did you mean ...?" for a mistyped command or option name: the known name closest to the typed one by edit
 * distance, if it is close enough to be a typo. Only used on the error path.
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The name in {@code known} closest to {@code typed} by {@link Suggest#distance} (the first of equally close
     * ones), if it differs in at most a third of its characters (at least one, at most three); or, when
     * {@code typed} is a prefix of exactly one name, that name. Names of one or two characters (short options) are never
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
            int d = Suggest.distance(typed, name);
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

    /** " (did you mean 'x'?)" for the name in {@code known} {@link #closest} to {@code typed}, or "". */
    static String didYouMean(String typed, List<String> known) {
        String best = closest(typed, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
