package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help text: synopsis, description, aligned and wrapped option list. */
class UsageTest {
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH, "The file.");
    static final OptionSpec<Path> OUT = OptionSpec.single("--out", "DIR", ValueType.PATH,
            "Where the results go; a long description that needs more than one line of the eighty columns "
                    + "a help text is wrapped to (default: runs).").withDefault("runs");
    static final OptionSpec<String> NAMES = OptionSpec.list("--names", "NAME", ValueType.STRING, ",",
            "Names (default: all).");
    static final OptionSpec<String> SET = OptionSpec.repeatable("--set", "PATH=VALUE", ValueType.STRING, "Set.");
    static final OptionSpec<Boolean> QUIET = OptionSpec.flag("-q", "--quiet", "No progress output.");
    static final OptionSpec<Boolean> KEEP = OptionSpec.flag("--keep", "Keep it.");

    static final CommandSpec SPEC = new CommandSpec("demo",
            List.of("Do a demo: the first paragraph is the summary.", "A second paragraph."),
            List.of(FILE), List.of(OUT, NAMES, SET, QUIET, KEEP));

    @Test
    void aCommandsHelpHasSynopsisDescriptionAndAlignedOptions() {
        assertEquals("""
                Usage: receco demo [-hqV] [--out=DIR] [--names=NAME[,NAME...]]...
                                   [--set=PATH=VALUE]... [--keep] [FILE]
                Do a demo: the first paragraph is the summary.
                A second paragraph.
                      FILE               The file.
                      --out=DIR          Where the results go; a long description that needs
                                         more than one line of the eighty columns a help text is
                                         wrapped to (default: runs).
                      --names=NAME[,NAME...]
                                         Names (default: all).
                      --set=PATH=VALUE   Set.
                  -q, --quiet            No progress output.
                      --keep             Keep it.
                  -h, --help             Show this help message and exit.
                  -V, --version          Print version information and exit.
                """, Usage.of("receco", SPEC));
    }

    @Test
    void theProgramsHelpListsCommandsByTheirSummaryAndTheFooter() {
        CliCommand demo = new CliCommand() {
            @Override
            public CommandSpec spec() {
                return SPEC;
            }

            @Override
            public int call(ParsedArgs args, java.io.PrintWriter out, java.io.PrintWriter err) {
                return 0;
            }
        };
        assertEquals("""
                Usage: receco [-hV] COMMAND
                A program.
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.
                Commands:
                  demo   Do a demo: the first paragraph is the summary.

                Exit codes:
                  0   fine
                  2   not fine
                """, Usage.ofProgram("receco", List.of("A program."), List.of(demo), "Exit codes:",
                List.of(new String[] {"0", "fine"}, new String[] {"2", "not fine"})));
    }

    @Test
    void aWordLongerThanALineIsNotBroken() {
        String word = "x".repeat(100);
        CommandSpec spec = new CommandSpec("w", List.of("See " + word + " here."), List.of(), List.of());
        String usage = Usage.of("receco", spec);
        assertTrue(usage.contains("See\n" + word + "\nhere.\n"), usage);
    }

    @Test
    void noLineEndsWithSpaces() {
        for (String line : Usage.of("receco", SPEC).split("\n")) {
            assertEquals(line.stripTrailing(), line);
        }
    }
}
