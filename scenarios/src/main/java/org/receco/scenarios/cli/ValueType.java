package org.receco.scenarios.cli;

import java.nio.file.Path;

/**
 * How the text of a command-line value becomes a typed value. A handful of fixed instances rather than a
 * function per option: converting is a switch on a small code, so parsing creates no lambdas and needs no
 * reflection, which keeps the start-up of every {@code receco} command lean.
 *
 * @param <T> the type of the converted value
 */
public final class ValueType<T> {
    private static final int TEXT = 0;
    private static final int PATH_CODE = 1;
    private static final int INT_CODE = 2;
    private static final int LONG_CODE = 3;
    private static final int FLAG_CODE = 4;

    /** The text as given. */
    public static final ValueType<String> STRING = new ValueType<>(TEXT, "a text");
    /** A file-system path ({@link Path#of(String, String...)}). */
    public static final ValueType<Path> PATH = new ValueType<>(PATH_CODE, "a path");
    /** A 32-bit signed decimal integer. */
    public static final ValueType<Integer> INT = new ValueType<>(INT_CODE, "an integer");
    /** A 64-bit signed decimal integer. */
    public static final ValueType<Long> LONG = new ValueType<>(LONG_CODE, "an integer");
    /** The value of a flag: present or not; flags take no text, so converting one is a programming error. */
    public static final ValueType<Boolean> FLAG = new ValueType<>(FLAG_CODE, "a flag");

    private final int code;
    private final String what;

    private ValueType(int code, String what) {
        this.code = code;
        this.what = what;
    }

    /** What a valid value is, for messages: "'abc' is not an integer". */
    public String what() {
        return what;
    }

    /**
     * The typed value of {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} is not a valid value of this type (number format and
     *         invalid paths included, both being subclasses)
     */
    @SuppressWarnings("unchecked")
    public T convert(String text) {
        Object value;
        if (code == TEXT) {
            value = text;
        } else if (code == PATH_CODE) {
            value = Path.of(text);
        } else if (code == INT_CODE) {
            value = Integer.valueOf(Integer.parseInt(text));
        } else if (code == LONG_CODE) {
            value = Long.valueOf(Long.parseLong(text));
        } else {
            throw new IllegalStateException("flags take no value");
        }
        return (T) value;
    }
}
