package org.receco.scenarios.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the help of a command and of the program: a synopsis line, the description, an aligned list of
 * parameters and options and, for the program, of its commands; everything wrapped at {@value #WIDTH} columns
 * at spaces. Only used for {@code --help} and usage errors, so it favours plain code over speed.
 */
public final class Usage {
    /** The width the help is wrapped to. */
    static final int WIDTH = 80;
    /** Names wider than this push their description to the next line instead of widening the column. */
    private static final int MAX_NAME_COLUMN = 26;
    /** The gap between a name and its description. */
    private static final int GAP = 3;

    static final String HELP_DESCRIPTION = "Show this help message and exit.";
    static final String VERSION_DESCRIPTION = "Print version information and exit.";

    private Usage() {
    }

    /** The help of command {@code spec}, invoked as {@code program spec.name()}. */
    public static String of(String program, CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        String prefix = "Usage: " + program + " " + spec.name() + " ";
        appendWrapped(out, prefix, synopsisParts(spec), prefix.length());
        for (String paragraph : spec.description()) {
            appendWrapped(out, "", words(paragraph), 0);
        }
        List<String[]> rows = new ArrayList<>();
        for (PositionalSpec<?> p : spec.positionals()) {
            rows.add(new String[] {"      " + (p.isMultiple() ? p.label() + "..." : p.label()), p.description()});
        }
        for (OptionSpec<?> o : spec.options()) {
            rows.add(new String[] {optionColumn(o), o.description()});
        }
        rows.add(new String[] {"  -h, --help", HELP_DESCRIPTION});
        rows.add(new String[] {"  -V, --version", VERSION_DESCRIPTION});
        appendTable(out, rows);
        return out.toString();
    }

    /**
     * The help of the program: its synopsis and description, its own options, its commands (each with the first
     * paragraph of its description) and the {@code footer} lines, each a "heading" or "  term  text" row set.
     */
    public static String ofProgram(String program, List<String> description, List<CliCommand> commands,
            String footerHeading, List<String[]> footerRows) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: ").append(program).append(" [-hV] COMMAND\n");
        for (String paragraph : description) {
            appendWrapped(out, "", words(paragraph), 0);
        }
        List<String[]> options = new ArrayList<>();
        options.add(new String[] {"  -h, --help", HELP_DESCRIPTION});
        options.add(new String[] {"  -V, --version", VERSION_DESCRIPTION});
        appendTable(out, options);
        out.append("Commands:\n");
        List<String[]> rows = new ArrayList<>();
        for (CliCommand c : commands) {
            rows.add(new String[] {"  " + c.spec().name(), c.spec().summary()});
        }
        appendTable(out, rows);
        if (footerHeading != null) {
            out.append('\n').append(footerHeading).append('\n');
            List<String[]> footer = new ArrayList<>();
            for (String[] row : footerRows) {
                footer.add(new String[] {"  " + row[0], row[1]});
            }
            appendTable(out, footer);
        }
        return out.toString();
    }

    /** The synopsis after the command name: {@code [-hqV] [--keep] [--out=DIR] [--set=PATH=VALUE]... FILE}. */
    static List<String> synopsisParts(CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder letters = new StringBuilder("h");
        for (OptionSpec<?> o : spec.options()) {
            if (o.multiplicity() == OptionSpec.Multiplicity.FLAG && o.names().get(0).length() == 2) {
                letters.append(o.names().get(0).charAt(1));
            }
        }
        parts.add("[-" + letters + "V]");
        for (OptionSpec<?> o : spec.options()) {
            if (o.multiplicity() == OptionSpec.Multiplicity.FLAG) {
                if (o.names().get(0).length() != 2) {
                    parts.add("[" + o.longName() + "]");
                }
            } else {
                String part = "[" + o.longName() + "=" + valueLabel(o) + "]";
                parts.add(o.multiplicity() == OptionSpec.Multiplicity.REPEATABLE ? part + "..." : part);
            }
        }
        for (PositionalSpec<?> p : spec.positionals()) {
            parts.add(p.synopsis());
        }
        return parts;
    }

    /** {@code N}, or {@code NAME[,NAME...]} for an option whose values may be given as a list. */
    private static String valueLabel(OptionSpec<?> o) {
        return o.separator() == null ? o.paramLabel()
                : o.paramLabel() + "[" + o.separator() + o.paramLabel() + "...]";
    }

    /** {@code "  -q, --quiet"} or {@code "      --out=DIR"}: short names from column 2, long ones from column 6. */
    private static String optionColumn(OptionSpec<?> o) {
        StringBuilder s = new StringBuilder();
        List<String> names = o.names();
        if (names.get(0).length() == 2 && names.size() > 1) {
            s.append("  ").append(names.get(0)).append(", ");
            names = names.subList(1, names.size());
        } else {
            s.append("      ");
        }
        s.append(String.join(", ", names));
        if (o.paramLabel() != null) {
            s.append('=').append(valueLabel(o));
        }
        return s.toString();
    }

    /**
     * Appends rows of (name, text): texts start in one column after the widest name (names wider than the column
     * allows put their text on the next line) and wrap within {@link #WIDTH}.
     */
    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int nameWidth = 0;
        for (String[] row : rows) {
            if (row[0].length() <= MAX_NAME_COLUMN) {
                nameWidth = Math.max(nameWidth, row[0].length());
            }
        }
        int column = nameWidth + GAP;
        for (String[] row : rows) {
            StringBuilder first = new StringBuilder(row[0]);
            if (row[0].length() > nameWidth) {
                out.append(row[0]).append('\n');
                first.setLength(0);
            }
            while (first.length() < column) {
                first.append(' ');
            }
            appendWrapped(out, first.toString(), words(row[1]), column);
        }
    }

    /**
     * Appends {@code first} followed by {@code words} separated by spaces, starting a new line indented by
     * {@code indent} whenever the next word would pass {@link #WIDTH}; a word longer than a line gets a line of
     * its own.
     */
    private static void appendWrapped(StringBuilder out, String first, List<String> words, int indent) {
        StringBuilder line = new StringBuilder(first);
        boolean lineHasWord = false;
        for (String word : words) {
            int needed = line.length() + (lineHasWord ? 1 : 0) + word.length();
            if (lineHasWord && needed > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(" ".repeat(indent));
                lineHasWord = false;
            }
            if (lineHasWord) {
                line.append(' ');
            }
            line.append(word);
            lineHasWord = true;
        }
        out.append(stripTrailing(line)).append('\n');
    }

    private static String stripTrailing(StringBuilder line) {
        return line.toString().stripTrailing();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
