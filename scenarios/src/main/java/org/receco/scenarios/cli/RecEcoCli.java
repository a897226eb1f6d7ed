package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.util.List;
import org.receco.core.RunManifest;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;

/**
 * The {@code receco} command line's entry point. Exit codes: {@value #OK} success, {@value #INVALID_INPUT}
 * invalid input (a bad scenario, a bad option or parameter), {@value #FAILURE} a failure while running. User
 * errors are printed without stack traces. The parsing, help and error handling are in {@link CliApp}.
 */
public final class RecEcoCli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_INPUT = 2;

    private RecEcoCli() {
    }

    /**
     * The built-in commands, in the order {@code --help} lists them. Add a command here (e.g. the {@code run}
     * command: {@code new RunCommand(catalog)}); a scenario command may reuse {@link ScenarioArgs}' declarations.
     */
    static List<CliCommand> subcommands(ComponentCatalog catalog) {
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
                new SqlCommand(),
                new MetricsCommand(),
                new LlmCommand(),
                new DataCommand());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI with the standard component registries and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(ComponentCatalog.standard()).execute(args);
    }

    /**
     * The configured command line: the built-in commands, those of every {@link CliExtension}, and {@code help}
     * (exposed for tests, which pass their own catalog and capture output).
     */
    public static CliApp commandLine(ComponentCatalog catalog) {
        return new CliApp(subcommands(catalog), catalog);
    }

    /** "RecEco &lt;version&gt;", printed by {@code -V}/{@code --version}. */
    static String version() {
        return "RecEco " + RunManifest.currentVersion();
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
}
