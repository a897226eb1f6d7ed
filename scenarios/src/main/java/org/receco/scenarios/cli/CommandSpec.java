package org.receco.scenarios.cli;

import java.util.List;

/**
 * What a command is, for the parser and the help: its name, its description (paragraphs; the first one is its
 * summary in the list of commands), its positional parameters and its options. Every command also takes
 * {@code -h, --help} and {@code -V, --version}, which are not declared here.
 *
 * @param name the command's name ({@code run})
 * @param description paragraphs of help text, the first a one-sentence summary
 * @param positionals the positional parameters, in order
 * @param options the options, in the order the help lists them
 */
public record CommandSpec(String name, List<String> description, List<PositionalSpec<?>> positionals,
        List<OptionSpec<?>> options) {
    public CommandSpec {
        description = List.copyOf(description);
        positionals = List.copyOf(positionals);
        options = List.copyOf(options);
        if (description.isEmpty()) {
            throw new IllegalArgumentException(name + ": a command needs a description");
        }
        for (int i = 0; i < options.size(); i++) {
            for (String n : options.get(i).names()) {
                if (CliParser.isHelpName(n) || CliParser.isVersionName(n)) {
                    throw new IllegalArgumentException(name + ": " + n + " is every command's own option");
                }
                for (int j = 0; j < i; j++) {
                    if (options.get(j).hasName(n)) {
                        throw new IllegalArgumentException(name + ": option " + n + " is declared twice");
                    }
                }
            }
        }
    }

    /** The summary shown in the list of commands: the first paragraph of the description. */
    public String summary() {
        return description.get(0);
    }

    /** The option with the name {@code name}, or null. */
    public OptionSpec<?> option(String name) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).hasName(name)) {
                return options.get(i);
            }
        }
        return null;
    }
}
