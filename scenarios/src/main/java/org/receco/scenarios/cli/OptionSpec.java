package org.receco.scenarios.cli;

import java.util.List;

/**
 * One option of a command, declared in code: its names ({@code "-q", "--quiet"}), the label of its value in
 * the help ({@code DIR}; null for a flag), how its value is converted, how often it may be given, and its help
 * text. Commands keep their options in constants and read the parsed values with them
 * ({@code args.value(OUT)}), so a value is found by the identity of its declaration, not by a name looked up
 * at run time.
 *
 * <p>A value is given as {@code --name=value} or as {@code --name value}; in the second form the next argument
 * is the value even when it starts with '-', unless it is exactly the name of one of the command's options
 * (then the value is missing: {@code --out --quiet} is a forgotten value, not a directory named
 * "--quiet").
 *
 * @param names the option's names, each starting with '-', the long name last (it is shown in synopses)
 * @param paramLabel the placeholder of the value in the help; null for a flag
 * @param type how the value text is converted
 * @param multiplicity whether the option is a flag, takes one value, or may be repeated
 * @param separator for a repeatable option, a text that also splits one argument into several values
 *        ({@code --names a,b}); null for none
 * @param defaultValue the value when the option is not given (null: none; flags default to false, repeatable
 *        options to no values)
 * @param description the help text
 * @param <T> the type of one value
 */
public record OptionSpec<T>(List<String> names, String paramLabel, ValueType<T> type, Multiplicity multiplicity,
        String separator, T defaultValue, String description) {

    /** How often an option may be given and whether it takes a value. */
    public enum Multiplicity {
        /** No value; given or not. */
        FLAG,
        /** One value, at most once. */
        SINGLE,
        /** One value each time (a separator may split it further), any number of times; the values add up. */
        REPEATABLE
    }

    public OptionSpec {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an option needs a name");
        }
        for (String n : names) {
            if (n.length() < 2 || n.charAt(0) != '-' || n.equals("--") || n.indexOf('=') >= 0) {
                throw new IllegalArgumentException("not an option name: '" + n + "'");
            }
        }
        if ((multiplicity == Multiplicity.FLAG) != (paramLabel == null)) {
            throw new IllegalArgumentException(names + ": flags, and only flags, have no value label");
        }
        if (separator != null && (separator.isEmpty() || multiplicity != Multiplicity.REPEATABLE)) {
            throw new IllegalArgumentException(names + ": only a repeatable option may split its values");
        }
    }

    /** A flag, e.g. {@code flag("--keep", "Keep the run directory.")}. */
    public static OptionSpec<Boolean> flag(String name, String description) {
        return new OptionSpec<>(List.of(name), null, ValueType.FLAG, Multiplicity.FLAG, null, Boolean.FALSE,
                description);
    }

    /** A flag with a short and a long name, e.g. {@code -q, --quiet}. */
    public static OptionSpec<Boolean> flag(String shortName, String longName, String description) {
        return new OptionSpec<>(List.of(shortName, longName), null, ValueType.FLAG, Multiplicity.FLAG, null,
                Boolean.FALSE, description);
    }

    /** An option taking one value, given at most once; without a default its value is null when absent. */
    public static <T> OptionSpec<T> single(String name, String paramLabel, ValueType<T> type, String description) {
        return new OptionSpec<>(List.of(name), paramLabel, type, Multiplicity.SINGLE, null, null, description);
    }

    /** An option that may be given any number of times, each time with one value; the values are kept in order. */
    public static <T> OptionSpec<T> repeatable(String name, String paramLabel, ValueType<T> type,
            String description) {
        return new OptionSpec<>(List.of(name), paramLabel, type, Multiplicity.REPEATABLE, null, null, description);
    }

    /**
     * A repeatable option whose values may also be given as one list split at {@code separator}:
     * {@code --names a,b --names c} is a, b, c.
     */
    public static <T> OptionSpec<T> list(String name, String paramLabel, ValueType<T> type, String separator,
            String description) {
        return new OptionSpec<>(List.of(name), paramLabel, type, Multiplicity.REPEATABLE, separator, null,
                description);
    }

    /**
     * This option with a default, written as on the command line and converted now, so that a bad default
     * fails when the command is declared, not when a user leaves the option out.
     */
    public OptionSpec<T> withDefault(String text) {
        if (multiplicity != Multiplicity.SINGLE) {
            throw new IllegalStateException(names + ": only a single-valued option has a default");
        }
        return new OptionSpec<>(names, paramLabel, type, multiplicity, separator, type.convert(text), description);
    }

    /** The name shown in synopses and messages: the last (long) one. */
    public String longName() {
        return names.get(names.size() - 1);
    }

    /** Whether {@code name} is one of this option's names. */
    public boolean hasName(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
