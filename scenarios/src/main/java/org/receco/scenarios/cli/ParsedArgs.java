package org.receco.scenarios.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one command invocation, converted: read them with the declarations the command was parsed
 * with ({@code args.value(SEED)}). Values are kept in arrays parallel to the command's declarations and found
 * by the identity of the declaration, so reading one costs a short loop and no hashing.
 */
public final class ParsedArgs {
    private final CommandSpec spec;
    /** Per option of {@link #spec}: null when not given, else the value (single), TRUE (flag) or a list. */
    private final Object[] optionValues;
    /** Per positional parameter of {@link #spec}: the list of its converted arguments. */
    private final Object[] positionalValues;
    private boolean helpRequested;
    private boolean versionRequested;

    ParsedArgs(CommandSpec spec) {
        this.spec = spec;
        this.optionValues = new Object[spec.options().size()];
        this.positionalValues = new Object[spec.positionals().size()];
    }

    /** The command these arguments are for. */
    public CommandSpec spec() {
        return spec;
    }

    /** Whether {@code -h}/{@code --help} was given: the command shows its help instead of running. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** Whether {@code -V}/{@code --version} was given: the command prints the version instead of running. */
    public boolean versionRequested() {
        return versionRequested;
    }

    void requestHelp() {
        helpRequested = true;
    }

    void requestVersion() {
        versionRequested = true;
    }

    /**
     * The value of a flag or single-valued option: the given value, else the default (false for a flag), else
     * null.
     */
    @SuppressWarnings("unchecked")
    public <T> T value(OptionSpec<T> option) {
        if (option.multiplicity() == OptionSpec.Multiplicity.REPEATABLE) {
            throw new IllegalArgumentException(option.longName() + " is repeatable: read it with values()");
        }
        Object v = optionValues[optionIndex(option)];
        return v != null ? (T) v : option.defaultValue();
    }

    /** Whether a flag was given. */
    public boolean flag(OptionSpec<Boolean> option) {
        return value(option).booleanValue();
    }

    /** The values of a repeatable option, in the order given; empty when it was not given. */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(OptionSpec<T> option) {
        if (option.multiplicity() != OptionSpec.Multiplicity.REPEATABLE) {
            throw new IllegalArgumentException(option.longName() + " is not repeatable: read it with value()");
        }
        Object v = optionValues[optionIndex(option)];
        return v == null ? List.of() : List.copyOf((List<T>) v);
    }

    /** Whether the option was given on the command line (as opposed to taking its default). */
    public boolean isGiven(OptionSpec<?> option) {
        return optionValues[optionIndex(option)] != null;
    }

    /** The value of a positional parameter that takes at most one argument; null when it was not given. */
    @SuppressWarnings("unchecked")
    public <T> T value(PositionalSpec<T> positional) {
        if (positional.isMultiple()) {
            throw new IllegalArgumentException(positional.label() + " takes several values: read it with values()");
        }
        List<T> given = (List<T>) positionalValues[positionalIndex(positional)];
        return given == null || given.isEmpty() ? null : given.get(0);
    }

    /** The values of a positional parameter, in the order given. */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(PositionalSpec<T> positional) {
        List<T> given = (List<T>) positionalValues[positionalIndex(positional)];
        return given == null ? List.of() : List.copyOf(given);
    }

    /** Whether the option was given already (for the parser's "given more than once" check). */
    boolean hasValue(int optionIndex) {
        return optionValues[optionIndex] != null;
    }

    void setOption(int optionIndex, Object value) {
        optionValues[optionIndex] = value;
    }

    @SuppressWarnings("unchecked")
    void addOptionValue(int optionIndex, Object value) {
        Object list = optionValues[optionIndex];
        if (list == null) {
            list = new ArrayList<>();
            optionValues[optionIndex] = list;
        }
        ((List<Object>) list).add(value);
    }

    void setPositional(int positionalIndex, List<?> values) {
        positionalValues[positionalIndex] = values;
    }

    private int optionIndex(OptionSpec<?> option) {
        List<OptionSpec<?>> options = spec.options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) == option) {
                return i;
            }
        }
        throw new IllegalArgumentException(option.longName() + " is not an option of " + spec.name());
    }

    private int positionalIndex(PositionalSpec<?> positional) {
        List<PositionalSpec<?>> positionals = spec.positionals();
        for (int i = 0; i < positionals.size(); i++) {
            if (positionals.get(i) == positional) {
                return i;
            }
        }
        throw new IllegalArgumentException(positional.label() + " is not a parameter of " + spec.name());
    }
}
