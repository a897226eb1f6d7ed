package org.receco.scenarios.cli;

/**
 * One positional parameter of a command, declared in code: its label ({@code FILE}), how its text is converted,
 * how many arguments it takes and its help text. Positional arguments are given to a command's parameters in
 * declaration order, each taking as many as it may while leaving the later ones their minimum; so only the last
 * parameter should take an open number ({@link #oneOrMore}).
 *
 * @param label the placeholder in the help and in messages
 * @param type how each argument is converted
 * @param minCount how many arguments are required (0: optional)
 * @param maxCount how many arguments it takes at most ({@link Integer#MAX_VALUE}: any number)
 * @param description the help text
 * @param <T> the type of one value
 */
public record PositionalSpec<T>(String label, ValueType<T> type, int minCount, int maxCount, String description) {
    public PositionalSpec {
        if (label == null || label.isEmpty() || minCount < 0 || maxCount < 1 || maxCount < minCount) {
            throw new IllegalArgumentException("bad positional parameter '" + label + "' (" + minCount + ".."
                    + maxCount + ")");
        }
    }

    /** Exactly one argument, required. */
    public static <T> PositionalSpec<T> required(String label, ValueType<T> type, String description) {
        return new PositionalSpec<>(label, type, 1, 1, description);
    }

    /** At most one argument; its value is null when absent. */
    public static <T> PositionalSpec<T> optional(String label, ValueType<T> type, String description) {
        return new PositionalSpec<>(label, type, 0, 1, description);
    }

    /** One or more arguments. */
    public static <T> PositionalSpec<T> oneOrMore(String label, ValueType<T> type, String description) {
        return new PositionalSpec<>(label, type, 1, Integer.MAX_VALUE, description);
    }

    /** Whether it may take more than one argument. */
    public boolean isMultiple() {
        return maxCount > 1;
    }

    /** How it is shown in a synopsis: {@code FILE}, {@code [FILE]}, {@code RUN_DIR...}. */
    public String synopsis() {
        String shown = isMultiple() ? label + "..." : label;
        return minCount == 0 ? "[" + shown + "]" : shown;
    }
}
