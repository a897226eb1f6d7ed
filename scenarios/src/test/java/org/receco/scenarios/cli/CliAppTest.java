package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.RunManifest;
import org.receco.scenarios.Fixtures;
import org.receco.scenarios.Origin;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;

/** Dispatch, help, version, usage errors and exit codes of the command line, on small test commands. */
class CliAppTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Records its arguments and returns a fixed exit code, or throws. */
    static final class Recording implements CliCommand {
        static final PositionalSpec<String> WORD = PositionalSpec.required("WORD", ValueType.STRING, "A word.");
        static final OptionSpec<Integer> TIMES = OptionSpec.single("--times", "N", ValueType.INT, "How often.")
                .withDefault("1");
        static final CommandSpec SPEC = new CommandSpec("echo", List.of("Print WORD N times."), List.of(WORD),
                List.of(TIMES));

        final List<String> calls = new ArrayList<>();

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public int call(ParsedArgs args, PrintWriter out, PrintWriter err) {
            for (int i = 0; i < args.value(TIMES); i++) {
                out.println(args.value(WORD));
            }
            calls.add(args.value(WORD));
            return 0;
        }
    }

    /** Throws {@code failure}. */
    record Throwing(Exception failure) implements CliCommand {
        @Override
        public CommandSpec spec() {
            return new CommandSpec("throw", List.of("Throws."), List.of(), List.of());
        }

        @Override
        public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
            throw failure;
        }
    }

    private final Recording echo = new Recording();

    private int run(CliApp app, String... args) {
        app.setOut(new PrintWriter(out, true));
        app.setErr(new PrintWriter(err, true));
        return app.execute(args);
    }

    private int run(String... args) {
        return run(new CliApp(List.of(echo), null), args);
    }

    @Test
    void theFirstArgumentNamesTheCommandAndTheRestAreItsArguments() {
        assertEquals(0, run("echo", "--times", "2", "hi"));
        assertEquals("hi\nhi\n", out.toString().replace("\r", ""));
        assertEquals(List.of("hi"), echo.calls);
        assertEquals("", err.toString());
    }

    @Test
    void withoutACommandItSaysSoWithTheUsageAndExits2() {
        assertEquals(2, run());
        assertTrue(err.toString().startsWith("receco: missing command"), err.toString());
        assertTrue(err.toString().contains("Usage: receco [-hV] COMMAND"), err.toString());
        assertTrue(err.toString().contains("Exit codes:"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void helpAndVersionOnTheProgramGoToStandardOutput() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.startsWith("Usage: receco [-hV] COMMAND"), help);
        assertTrue(help.contains("  echo "), help);
        assertTrue(help.contains("  help "), help);
        assertTrue(help.contains("  2   invalid input (scenario or options)"), help);
        out.getBuffer().setLength(0);
        assertEquals(0, run("-h"));
        assertEquals(help, out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("help"));
        assertEquals(help, out.toString());
        out.getBuffer().setLength(0);
        for (String v : List.of("-V", "--version")) {
            assertEquals(0, run(v));
            assertEquals("RecEco " + RunManifest.currentVersion(), out.toString().trim());
            out.getBuffer().setLength(0);
        }
        assertEquals("", err.toString());
    }

    @Test
    void helpAndVersionOnACommandDoNotRunIt() {
        assertEquals(0, run("echo", "--help"));
        assertTrue(out.toString().startsWith("Usage: receco echo [-hV] [--times=N] WORD"), out.toString());
        String usage = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("help", "echo"));
        assertEquals(usage, out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("echo", "-V"));
        assertEquals("RecEco " + RunManifest.currentVersion(), out.toString().trim());
        assertEquals(List.of(), echo.calls);
        assertEquals("", err.toString());
    }

    @Test
    void aUsageErrorPrintsOneLineAndTheCommandsUsageAndExits2() {
        assertEquals(2, run("echo", "--times", "abc", "hi"));
        List<String> lines = err.toString().lines().toList();
        assertEquals("Invalid value for option '--times': 'abc' is not an integer", lines.get(0));
        assertTrue(lines.get(1).startsWith("Usage: receco echo"), err.toString());
        assertEquals("", out.toString());
        assertEquals(List.of(), echo.calls);
        err.getBuffer().setLength(0);
        assertEquals(2, run("echo"));
        assertTrue(err.toString().startsWith("Missing required parameter: 'WORD'"), err.toString());
    }

    @Test
    void anUnknownCommandOrProgramOptionExits2WithASuggestion() {
        assertEquals(2, run("ecko"));
        assertTrue(err.toString().startsWith("receco: unknown command 'ecko' (did you mean 'echo'?)"), err.toString());
        assertTrue(err.toString().contains("Commands:"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().startsWith("receco: unknown command 'frobnicate'\n"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("help", "nope"));
        assertTrue(err.toString().startsWith("receco: unknown command 'nope'"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--verbose"));
        assertTrue(err.toString().startsWith("Unknown option: '--verbose'"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anInvalidScenarioExits2WithItsProblems() {
        ScenarioException bad = new ScenarioException(List.of(
                new Problem(Origin.at("f.yaml", 3, 5), "rounds", "too many", null),
                new Problem(Origin.at("f.yaml", 4, 1), "users", "too few", null)));
        assertEquals(2, run(new CliApp(List.of(new Throwing(bad)), null), "throw"));
        String e = err.toString();
        assertEquals("f.yaml:3:5: key path 'rounds': too many\nf.yaml:4:1: key path 'users': too few\n"
                + "2 problems found\n", e.replace("\r", ""));
        assertFalse(e.contains("\tat "), e);
    }

    @Test
    void anyOtherExceptionExits1WithOneLineAndNoStackTrace() {
        assertEquals(1, run(new CliApp(List.of(new Throwing(new IllegalStateException("disk full"))), null),
                "throw"));
        assertEquals("receco throw: error: disk full\n(set RECECO_DEBUG=1 for the stack trace)\n",
                err.toString().replace("\r", ""));
        err.getBuffer().setLength(0);
        assertEquals(1, run(new CliApp(List.of(new Throwing(new NullPointerException())), null), "throw"));
        assertTrue(err.toString().startsWith("receco throw: error: NullPointerException"), err.toString());
    }

    @Test
    void commandsAreListedBuiltInFirstAndHelpLast() {
        CliApp app = RecEcoCli.commandLine(Fixtures.CATALOG);
        List<String> names = new ArrayList<>();
        for (CliCommand c : app.commands()) {
            names.add(c.spec().name());
        }
        assertEquals(List.of("run", "validate", "schema", "bench", "study", "sweep", "report", "compare", "export",
                "sql", "metrics", "llm", "data", "help"), names, "no extension on the scenarios module's class path");
        assertEquals("help", app.command("help").spec().name());
        assertNull(app.command("gui"));
    }
}
