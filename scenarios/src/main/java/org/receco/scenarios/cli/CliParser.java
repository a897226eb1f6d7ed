package org.receco.scenarios.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the arguments of one command into {@link ParsedArgs} by its {@link CommandSpec}. Written for start-up:
 * one pass over the arguments with plain loops and string comparisons, no reflection, no lambdas, no formatting;
 * only the error paths build messages.
 *
 * <p>Rules: options and positional arguments may be mixed; {@code --} ends the options (everything after it is
 * positional); a value is given as {@code --name=value} or as the next argument, which may start with '-'
 * unless it is exactly the name of an option of the command (or {@code --}); single-letter flags may be
 * combined ({@code -qV}); {@code -h}/{@code --help} and {@code -V}/{@code --version} stop parsing and ask for
 * the help or the version instead of running; a single-valued option may be given once.
 */
public final class CliParser {
    private CliParser() {
    }

    /** Whether {@code arg} is the name of the help option every command has. */
    public static boolean isHelpName(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }

    /** Whether {@code arg} is the name of the version option every command has. */
    public static boolean isVersionName(String arg) {
        return arg.equals("-V") || arg.equals("--version");
    }

    /**
     * Parses {@code args[from..]} as arguments of the command {@code spec}.
     *
     * @throws UsageException when they do not match the declaration; its message names the option or value
     */
    public static ParsedArgs parse(CommandSpec spec, String[] args, int from) throws UsageException {
        ParsedArgs parsed = new ParsedArgs(spec);
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.length() < 2 || arg.charAt(0) != '-') {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (isHelpName(arg)) {
                parsed.requestHelp();
                return parsed;
            }
            if (isVersionName(arg)) {
                parsed.requestVersion();
                return parsed;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            int index = optionIndex(spec, name);
            if (index < 0) {
                if (eq < 0 && !arg.startsWith("--") && setFlagCluster(spec, arg, parsed)) {
                    if (parsed.helpRequested() || parsed.versionRequested()) {
                        return parsed;
                    }
                    continue;
                }
                throw new UsageException("Unknown option: '" + arg + "'" + suggestion(spec, name));
            }
            OptionSpec<?> option = spec.options().get(index);
            if (option.multiplicity() == OptionSpec.Multiplicity.FLAG) {
                if (eq >= 0) {
                    throw new UsageException("Option '" + name + "' takes no value (got '" + arg.substring(eq + 1)
                            + "')");
                }
                parsed.setOption(index, Boolean.TRUE);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !isOptionName(spec, args[i + 1])) {
                value = args[++i];
            } else {
                throw new UsageException("Missing required parameter for option '" + name + "' ("
                        + option.paramLabel() + ")");
            }
            store(parsed, index, option, name, value);
        }
        assignPositionals(spec, positional, parsed);
        return parsed;
    }

    private static void store(ParsedArgs parsed, int index, OptionSpec<?> option, String name, String value)
            throws UsageException {
        if (option.multiplicity() == OptionSpec.Multiplicity.SINGLE) {
            if (parsed.hasValue(index)) {
                throw new UsageException("Option '" + name + "' should be given only once");
            }
            parsed.setOption(index, convert(option.type(), value, "option", name));
            return;
        }
        String separator = option.separator();
        if (separator == null) {
            parsed.addOptionValue(index, convert(option.type(), value, "option", name));
            return;
        }
        int start = 0;
        while (true) {
            int end = value.indexOf(separator, start);
            String piece = end < 0 ? value.substring(start) : value.substring(start, end);
            parsed.addOptionValue(index, convert(option.type(), piece, "option", name));
            if (end < 0) {
                return;
            }
            start = end + separator.length();
        }
    }

    /**
     * Gives the positional arguments to the declared parameters in order, each taking as many as it may while
     * leaving the later ones their minimum.
     */
    private static void assignPositionals(CommandSpec spec, List<String> given, ParsedArgs parsed)
            throws UsageException {
        List<PositionalSpec<?>> declared = spec.positionals();
        int next = 0;
        for (int p = 0; p < declared.size(); p++) {
            PositionalSpec<?> param = declared.get(p);
            int reservedForLater = 0;
            for (int q = p + 1; q < declared.size(); q++) {
                reservedForLater += declared.get(q).minCount();
            }
            int available = Math.max(0, given.size() - next - reservedForLater);
            int take = Math.min(param.maxCount(), available);
            if (take < param.minCount()) {
                throw new UsageException("Missing required parameter: '" + param.label() + "'");
            }
            List<Object> values = new ArrayList<>(take);
            for (int k = 0; k < take; k++) {
                values.add(convert(param.type(), given.get(next + k), "parameter", param.label()));
            }
            parsed.setPositional(p, values);
            next += take;
        }
        if (next < given.size()) {
            String extra = given.get(next);
            throw new UsageException(declared.isEmpty()
                    ? "Unexpected argument: '" + extra + "' (this command takes no parameters)"
                    : "Unexpected argument: '" + extra + "' (only " + synopsis(declared) + " expected)");
        }
    }

    /** The converted value; {@code kind} and {@code name} ("option", "--threads") only go into the message. */
    private static Object convert(ValueType<?> type, String text, String kind, String name) throws UsageException {
        try {
            return type.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for " + kind + " '" + name + "': '" + text + "' is not "
                    + type.what());
        }
    }

    /** Sets each letter of {@code -abc} as a single-letter flag; false (nothing set) unless every letter is one. */
    private static boolean setFlagCluster(CommandSpec spec, String arg, ParsedArgs parsed) {
        int[] indexes = new int[arg.length() - 1];
        for (int k = 1; k < arg.length(); k++) {
            char letter = arg.charAt(k);
            boolean standard = letter == 'h' || letter == 'V';
            int index = standard ? -1 : shortOptionIndex(spec, letter);
            if (!standard && (index < 0
                    || spec.options().get(index).multiplicity() != OptionSpec.Multiplicity.FLAG)) {
                return false;
            }
            indexes[k - 1] = standard ? -1 : index;
        }
        for (int k = 1; k < arg.length(); k++) {
            char c = arg.charAt(k);
            if (c == 'h') {
                parsed.requestHelp();
            } else if (c == 'V') {
                parsed.requestVersion();
            } else {
                parsed.setOption(indexes[k - 1], Boolean.TRUE);
            }
        }
        return true;
    }

    /** The index of the option named {@code -letter}, or -1. */
    private static int shortOptionIndex(CommandSpec spec, char letter) {
        List<OptionSpec<?>> options = spec.options();
        for (int i = 0; i < options.size(); i++) {
            for (String n : options.get(i).names()) {
                if (n.length() == 2 && n.charAt(1) == letter) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int optionIndex(CommandSpec spec, String name) {
        List<OptionSpec<?>> options = spec.options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).hasName(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code arg} cannot be an option's value given as the next argument: an option name, or "--". */
    private static boolean isOptionName(CommandSpec spec, String arg) {
        return arg.equals("--") || isHelpName(arg) || isVersionName(arg) || optionIndex(spec, arg) >= 0;
    }

    private static String synopsis(List<PositionalSpec<?>> declared) {
        StringBuilder s = new StringBuilder();
        for (PositionalSpec<?> p : declared) {
            s.append(s.length() == 0 ? "" : " ").append(p.synopsis());
        }
        return s.toString();
    }

    /** " (did you mean '--out'?)" for the closest option name, or "" when none is close. */
    private static String suggestion(CommandSpec spec, String typed) {
        List<String> names = new ArrayList<>();
        for (OptionSpec<?> o : spec.options()) {
            names.addAll(o.names());
        }
        names.add("--help");
        names.add("--version");
        return Suggestions.didYouMean(typed, names);
    }
}
