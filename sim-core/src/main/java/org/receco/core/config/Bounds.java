package org.receco.core.config;

import java.lang.reflect.RecordComponent;

/**
 * Enforces a record's {@link Range} annotations in its compact constructor, so the bounds are written once: the
 * scenario binder reports a YAML value out of range with its file and line, and this rejects the same value
 * in a record built in Java code. Call it first in the compact constructor with every component, in
 * declaration order: {@code Bounds.check(Params.class, "", factors, learningRate, ...)}. Components without a
 * {@code @Range}, and non-numbers, are passed over; cross-field rules stay in the constructor.
 */
public final class Bounds {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            if (c == null) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            return c;
        }
    };

    private Bounds() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming the first component of {@code type} whose value lies
     * outside its {@code @Range} (NaN is outside every range).
     *
     * @param prefix what the message puts before a component's name, e.g. {@code "slate."}
     * @param values every component's value, in declaration order
     */
    public static void check(Class<? extends Record> type, String prefix, Object... values) {
        RecordComponent[] components = COMPONENTS.get(type);
        if (values.length != components.length) {
            throw new IllegalStateException(type.getName() + " has " + components.length + " components, "
                    + values.length + " values were checked");
        }
        for (int k = 0; k < components.length; k++) {
            Range r = components[k].getAnnotation(Range.class);
            if (r != null && values[k] instanceof Number n) {
                double v = n.doubleValue();
                if (!(v >= r.min() && v <= r.max())) {
                    throw new IllegalArgumentException(prefix + components[k].getName() + " must be "
                            + describe(r) + ", got " + n);
                }
            }
        }
    }

    /** "in [a, b]", "at least a" or "at most b", integral bounds without a decimal point. */
    private static String describe(Range r) {
        boolean low = r.min() != Double.NEGATIVE_INFINITY;
        boolean high = r.max() != Double.POSITIVE_INFINITY;
        if (low && high) {
            return "in [" + num(r.min()) + ", " + num(r.max()) + "]";
        }
        return low ? "at least " + num(r.min()) : high ? "at most " + num(r.max()) : "a number";
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
