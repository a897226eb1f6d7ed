package org.receco.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of one or more scenario loads whose overrides were written in another file: a sweep's or a
 * study's {@code set:}, a sweep's parameter values, a study's arms. The loader blames a bad override on
 * {@code --set path=value}, which the user never typed; here each such problem moves to where the override
 * was written, with the assignment in parentheses, and a problem that several loads repeat (the same base
 * scenario, the same override) is kept once. Not thread-safe.
 */
public final class OverrideProblems {
    private final Set<String> seen = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Adds the problems of one load. {@code written} maps each override of that load ({@code path=value}, as
     * given to the loader) to where it was written.
     */
    public void add(List<Problem> loaded, Map<String, Origin> written) {
        for (Problem problem : loaded) {
            Problem located = relocate(problem, written);
            // A relocated problem is the same one whichever load found it: several points or arms share an
            // override's line, and the parenthesised assignment may differ only in other overrides' values.
            String key = located == problem ? problem.toString() : located.origin().source() + ":"
                    + located.origin().line() + ":" + problem.path() + ":" + problem.message();
            if (seen.add(key)) {
                problems.add(located);
            }
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * Throws every problem added, if any: those in {@code file} (the sweep or study file) first, then the others
     * (the base scenario, overrides typed on the command line), each group by line and column.
     *
     * @throws ScenarioException with every problem added
     */
    public void throwIfAny(String file) {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.origin().source().equals(file) ? 0 : 1)
                .thenComparingInt(p -> p.origin().line()).thenComparingInt(p -> p.origin().column()));
        throw new ScenarioException(sorted);
    }

    /**
     * {@code problem} at the place {@code written} gives for its override, its message followed by the
     * assignment in parentheses (the place shows only one value of it); unchanged when it is not about an
     * override, or about one {@code written} does not know or places on the command line anyway.
     */
    public static Problem relocate(Problem problem, Map<String, Origin> written) {
        String assignment = problem.origin().assignment();
        Origin at = assignment == null ? null : written.get(assignment);
        if (at == null || at.equals(problem.origin())) {
            return problem;
        }
        return new Problem(at, problem.path(), problem.message() + " (" + assignment + ")", problem.allowed());
    }
}
