package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioException;

/**
 * The {@code receco} command line as an object: its commands, where it prints, and how an argument list becomes
 * an exit code. {@link #execute} picks the command named by the first argument, parses the rest by the command's
 * declaration and runs it; usage errors print a one-line message and the command's usage and exit
 * {@value RecEcoCli#INVALID_INPUT}, and so do invalid scenarios (with their problems); any other exception exits
 * {@value RecEcoCli#FAILURE} with a one-line message, its stack trace only with {@code RECECO_DEBUG} set.
 *
 * <p>Commands added by {@link CliExtension}s (such as {@code receco gui}) are looked up only when the first
 * argument is not a built-in command or when all commands are listed, so running a built-in command loads no
 * extension.
 */
public final class CliApp {
    /** The program's name, as the launcher is called. */
    static final String PROGRAM = "receco";

    private static final List<String> DESCRIPTION =
            List.of("RecEco: an agent-based simulator of recommender ecosystems.");
    private static final List<String[]> EXIT_CODES = List.of(
            new String[] {String.valueOf(RecEcoCli.OK), "success"},
            new String[] {String.valueOf(RecEcoCli.FAILURE), "failure while running"},
            new String[] {String.valueOf(RecEcoCli.INVALID_INPUT), "invalid input (scenario or options)"});

    private final List<CliCommand> builtIns;
    private final ComponentCatalog extensionCatalog;
    private final HelpCommand help = new HelpCommand(this);
    private List<CliCommand> extensions;
    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);

    /**
     * A command line with {@code builtIns} (listed in this order), then the commands of every {@link CliExtension}
     * on the class path (given {@code extensionCatalog}; null for none), then {@code help}.
     */
    public CliApp(List<CliCommand> builtIns, ComponentCatalog extensionCatalog) {
        this.builtIns = List.copyOf(builtIns);
        this.extensionCatalog = extensionCatalog;
    }

    /** Where results and help go (default: standard output). */
    public void setOut(PrintWriter out) {
        this.out = out;
    }

    /** Where problems and usage errors go (default: standard error). */
    public void setErr(PrintWriter err) {
        this.err = err;
    }

    public PrintWriter getOut() {
        return out;
    }

    public PrintWriter getErr() {
        return err;
    }

    /** Every command, in the order the help lists them: built-in, from extensions, {@code help}. */
    public List<CliCommand> commands() {
        List<CliCommand> all = new ArrayList<>(builtIns);
        all.addAll(extensions());
        all.add(help);
        return all;
    }

    /** The command named {@code name}, or null. */
    public CliCommand command(String name) {
        CliCommand found = find(builtIns, name);
        if (found == null && name.equals(help.spec().name())) {
            found = help;
        }
        return found != null ? found : find(extensions(), name);
    }

    /** Runs the command line {@code args} and returns the exit code. */
    public int execute(String... args) {
        try {
            if (args.length == 0) {
                err.println("receco: missing command");
                err.print(programUsage());
                return RecEcoCli.INVALID_INPUT;
            }
            String first = args[0];
            if (CliParser.isHelpName(first)) {
                out.print(programUsage());
                return RecEcoCli.OK;
            }
            if (CliParser.isVersionName(first)) {
                out.println(RecEcoCli.version());
                return RecEcoCli.OK;
            }
            if (first.length() > 1 && first.charAt(0) == '-') {
                err.println("Unknown option: '" + first + "'");
                err.print(programUsage());
                return RecEcoCli.INVALID_INPUT;
            }
            CliCommand command = command(first);
            if (command == null) {
                printUnknownCommand(first);
                return RecEcoCli.INVALID_INPUT;
            }
            return run(command, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(CliCommand command, String[] args) {
        ParsedArgs parsed;
        try {
            parsed = CliParser.parse(command.spec(), args, 1);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(Usage.of(PROGRAM, command.spec()));
            return RecEcoCli.INVALID_INPUT;
        }
        if (parsed.helpRequested()) {
            out.print(Usage.of(PROGRAM, command.spec()));
            return RecEcoCli.OK;
        }
        if (parsed.versionRequested()) {
            out.println(RecEcoCli.version());
            return RecEcoCli.OK;
        }
        try {
            return command.call(parsed, out, err);
        } catch (Exception e) {
            return handleException(e, command.spec().name());
        }
    }

    /**
     * Invalid scenarios exit 2 with their problems, and so does a run directory whose run stopped before its first
     * round; anything else exits 1 with a one-line message.
     */
    private int handleException(Exception e, String commandName) {
        if (e instanceof ScenarioException se) {
            RecEcoCli.printProblems(err, se);
            return RecEcoCli.INVALID_INPUT;
        }
        if (e instanceof org.receco.core.store.RunDatabase.NotStarted) {
            // a run directory with nothing to read is a bad RUN_DIR, as a missing one is: one plain line
            err.println("receco " + commandName + ": " + e.getMessage());
            return RecEcoCli.INVALID_INPUT;
        }
        err.println("receco " + commandName + ": error: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
        if (System.getenv("RECECO_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set RECECO_DEBUG=1 for the stack trace)");
        }
        return RecEcoCli.FAILURE;
    }

    /** The help of the program: synopsis, description, options, commands and exit codes. */
    String programUsage() {
        return Usage.ofProgram(PROGRAM, DESCRIPTION, commands(), "Exit codes:", EXIT_CODES);
    }

    /** "Unknown command 'x'" with the closest command name, if one is close, then the program's help. */
    void printUnknownCommand(String name) {
        List<CliCommand> all = commands();
        List<String> names = new ArrayList<>();
        for (CliCommand c : all) {
            names.add(c.spec().name());
        }
        err.println("receco: unknown command '" + name + "'" + Suggestions.didYouMean(name, names));
        err.print(programUsage());
        err.flush();
    }

    private List<CliCommand> extensions() {
        if (extensions == null) {
            List<CliCommand> found = new ArrayList<>();
            if (extensionCatalog != null) {
                for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
                    found.addAll(extension.subcommands(extensionCatalog));
                }
            }
            extensions = found;
        }
        return extensions;
    }

    private static CliCommand find(List<CliCommand> commands, String name) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).spec().name().equals(name)) {
                return commands.get(i);
            }
        }
        return null;
    }
}
