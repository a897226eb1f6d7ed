package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.receco.core.RunManifest;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code receco} command line. Exit codes: {@value #OK} success, {@value #INVALID_INPUT} invalid input
 * (a bad scenario, a bad option: picocli usage errors too), {@value #FAILURE} a failure while running. User
 * errors are printed without stack traces.
 */
@Command(name = "receco", mixinStandardHelpOptions = true, versionProvider = RecEcoCli.Version.class,
        description = "RecEco: an agent-based simulator of recommender ecosystems.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure while running", "2:invalid input (scenario or options)"})
public final class RecEcoCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_INPUT = 2;

    @Spec
    private CommandSpec spec;

    /**
     * The subcommands, in the order {@code --help} lists them. Add a command here (e.g. the {@code run}
     * command: {@code new RunCommand(catalog)}); it may reuse {@link ScenarioArgs} as a {@code @Mixin}.
     */
    static List<Object> subcommands(ComponentCatalog catalog) {
        return List.of(
                new RunCommand(catalog),
                new ValidateCommand(catalog),
                new SchemaCommand(catalog),
                new BenchCommand(catalog),
                new StudyCommand(catalog),
                new SweepCommand(catalog),
                new ReportCommand(),
                new CompareCommand(),
                new ExportCommand(),
                new MetricsCommand());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI with the standard component registries and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(ComponentCatalog.standard()).execute(args);
    }

    /** The configured command line (exposed for tests, which pass their own catalog and capture output). */
    public static CommandLine commandLine(ComponentCatalog catalog) {
        CommandLine cl = new CommandLine(new RecEcoCli());
        for (Object sub : subcommands(catalog)) {
            cl.addSubcommand(sub);
        }
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            for (Object sub : extension.subcommands(catalog)) {
                cl.addSubcommand(sub);
            }
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setExecutionExceptionHandler(RecEcoCli::handleException);
        return cl;
    }

    /** Without a subcommand: the usage, as an input error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("receco: missing command");
        spec.commandLine().usage(err);
        return INVALID_INPUT;
    }

    /** Invalid scenarios exit 2 with their problems; anything else exits 1 with a one-line message. */
    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ScenarioException se) {
            printProblems(err, se);
            return INVALID_INPUT;
        }
        err.println("receco " + cl.getCommandName() + ": error: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
        if (System.getenv("RECECO_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set RECECO_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return FAILURE;
    }

    /** One problem per line, then a count. */
    static void printProblems(PrintWriter err, ScenarioException e) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        int n = e.problems().size();
        err.println(n + (n == 1 ? " problem" : " problems") + " found");
        err.flush();
    }

    /** "RecEco &lt;version&gt;". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"RecEco " + RunManifest.currentVersion()};
        }
    }
}
