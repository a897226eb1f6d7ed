package org.receco.scenarios;

/**
 * Where a scenario value came from: a line and column of a YAML text (1-based), a {@code --set} override, or
 * a built-in default. Printed as the prefix of every {@link Problem}.
 *
 * @param source the file name, the override as typed ({@code --set a.b=1}), or a description of the defaults
 * @param line   1-based line, or 0 when the source has no lines
 * @param column 1-based column, or 0 when the source has no lines
 */
public record Origin(String source, int line, int column) {
    private static final String OVERRIDE = "--set ";

    /** A position in a YAML text. */
    public static Origin at(String source, int line, int column) {
        return new Origin(source, line, column);
    }

    /** A {@code --set path=value} override, named as the user typed it. */
    public static Origin override(String assignment) {
        return new Origin(OVERRIDE + assignment, 0, 0);
    }

    /** The {@code path=value} of an {@link #override} origin; null for any other origin. */
    public String assignment() {
        return line == 0 && source.startsWith(OVERRIDE) ? source.substring(OVERRIDE.length()) : null;
    }

    /** A value with no position, e.g. the defaults of a registered component. */
    public static Origin of(String source) {
        return new Origin(source, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
