package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;

/** {@code receco help [COMMAND]}: the help of the program, or of one command, on standard output. */
final class HelpCommand implements CliCommand {
    static final PositionalSpec<String> COMMAND = PositionalSpec.optional("COMMAND", ValueType.STRING,
            "The COMMAND to display the usage help message for.");

    private static final CommandSpec SPEC = new CommandSpec("help",
            List.of("Display help information about the specified command."), List.of(COMMAND), List.of());

    private final CliApp app;

    HelpCommand(CliApp app) {
        this.app = app;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) {
        String name = args.value(COMMAND);
        if (name == null) {
            out.print(app.programUsage());
            out.flush();
            return RecEcoCli.OK;
        }
        CliCommand command = app.command(name);
        if (command == null) {
            app.printUnknownCommand(name);
            return RecEcoCli.INVALID_INPUT;
        }
        out.print(Usage.of(CliApp.PROGRAM, command.spec()));
        out.flush();
        return RecEcoCli.OK;
    }
}
