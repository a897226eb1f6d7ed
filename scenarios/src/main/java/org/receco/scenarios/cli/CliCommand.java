package org.receco.scenarios.cli;

import java.io.PrintWriter;

/**
 * One {@code receco} command: what it takes (declared in code by its {@link CommandSpec}) and what it does with
 * the parsed arguments. Commands are stateless: everything an invocation needs comes with the call, so one
 * object can serve several invocations (as in tests).
 */
public interface CliCommand {
    /** The command's name, description, parameters and options. */
    CommandSpec spec();

    /**
     * Runs the command.
     *
     * @param args the parsed arguments; read them with the declarations of {@link #spec()}
     * @param out where the command prints its results
     * @param err where the command prints problems
     * @return the exit code ({@link RecEcoCli#OK}, {@link RecEcoCli#FAILURE}, {@link RecEcoCli#INVALID_INPUT})
     * @throws Exception a {@link org.receco.scenarios.ScenarioException} is reported as invalid input with its
     *         problems, anything else as a failure with its message (see {@link CliApp})
     */
    int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception;
}
