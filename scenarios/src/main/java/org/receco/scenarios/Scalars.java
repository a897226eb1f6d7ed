package org.receco.scenarios;

import java.math.BigInteger;
import java.util.List;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

/**
 * Single values read out of a {@link Node} tree with one wording of what is wrong, shared by the scenario
 * binder and the study and sweep readers, so that the same slip reads the same in every kind of file.
 */
public final class Scalars {
    private Scalars() {
    }

    /** The message for {@code .inf} or {@code .nan} where a number is expected: no key takes them. */
    public static String notFinite(ScalarNode s) {
        return s.text() + " is not a finite number";
    }

    /** True for an integer scalar (Integer, Long or BigInteger as YAML resolved it). */
    public static boolean isInteger(Node y) {
        return y instanceof ScalarNode s && (s.value() instanceof Integer || s.value() instanceof Long
                || s.value() instanceof BigInteger);
    }

    /**
     * The finite number {@code y}, or null after adding a problem at {@code path}; null without a problem when
     * {@code y} is absent.
     */
    public static Double number(Node y, String path, List<Problem> problems) {
        if (y == null) {
            return null;
        }
        if (!(y instanceof ScalarNode s) || !(s.value() instanceof Number n)) {
            problems.add(new Problem(y.origin(), path, "expected a number, got " + y.describe(), null));
            return null;
        }
        if (!Double.isFinite(n.doubleValue())) {
            problems.add(new Problem(y.origin(), path, notFinite(s), null));
            return null;
        }
        return n.doubleValue();
    }

    /**
     * The scalar under {@code key} of {@code m} as written, or {@code fallback} when the key is absent or
     * null; a list or mapping there adds a problem and gives {@code fallback}.
     */
    public static String text(MapNode m, String key, String fallback, List<Problem> problems) {
        Node y = m.get(key);
        if (Node.isNothing(y)) {
            return fallback;
        }
        if (!(y instanceof ScalarNode s)) {
            problems.add(new Problem(y.origin(), key, "expected a single value, got " + y.describe(), null));
            return fallback;
        }
        return s.text();
    }
}
