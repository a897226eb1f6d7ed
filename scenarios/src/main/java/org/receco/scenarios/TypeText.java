package org.receco.scenarios;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import org.receco.core.config.Range;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

/** Phrases for error messages: what a key accepts ("an integer from 0 to 1") and what was given. */
final class TypeText {
    private TypeText() {
    }

    /** {@code kind} ("an integer", "a number") with the bounds of {@code range}, if any. */
    static String describe(String kind, Range range) {
        if (range == null) {
            return kind;
        }
        boolean lo = range.min() != Double.NEGATIVE_INFINITY;
        boolean hi = range.max() != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return kind + " from " + format(range.min()) + " to " + format(range.max());
        }
        if (lo) {
            return kind + " >= " + format(range.min());
        }
        return hi ? kind + " <= " + format(range.max()) : kind;
    }

    /** What a value of {@code type} looks like. */
    static String describe(Type type, Range range) {
        if (type instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).equals(java.util.List.class) ? "a list" : "a section of keys";
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return describe("an integer", range);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return describe("a number", range);
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true, false";
        }
        if (c.isEnum()) {
            return String.join(", ", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        if (c.isRecord()) {
            return "a section with keys " + String.join(", ",
                    Arrays.stream(c.getRecordComponents()).map(rc -> rc.getName()).toList());
        }
        return c == String.class ? "a string" : "a " + simpleName(c);
    }

    /** The given value as quoted in a message: {@code 'ten'}, {@code 1.5}, {@code a list}. */
    static String got(Node node) {
        if (node instanceof MapNode) {
            return "a section of keys";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.isNull()) {
            return "nothing (null)";
        }
        return s.value() instanceof String ? "the string '" + s.text() + "'" : s.text();
    }

    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toString();
    }

    static String simpleName(Class<?> c) {
        return c.getSimpleName();
    }
}
