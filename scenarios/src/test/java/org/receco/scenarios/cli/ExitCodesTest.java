package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/**
 * The README's exit-code table holds for every registered command: help exits 0; an unknown option, an input
 * file or run directory that is not there, and an {@code --out} that is (or lies under) a regular file exit 2
 * with a one-line message and write nothing.
 */
class ExitCodesTest {
    @TempDir
    static Path dir;
    static Path scenario;
    static Path runDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void oneRun() throws IOException {
        scenario = Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                rounds: 2
                users: {count: 30}
                authors: {count: 3}
                slate: {size: 6, match: 4, coldStart: 2}
                metrics: {homogenisationPairs: 10}
                """);
        CliApp app = RecEcoCli.commandLine(ComponentCatalog.standard());
        app.setOut(new PrintWriter(new StringWriter()));
        app.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, app.execute("run", scenario.toString(), "--out", dir.resolve("runs").toString(), "-q"));
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            runDir = s.findFirst().orElseThrow();
        }
    }

    private int execute(List<String> args) {
        CliApp app = RecEcoCli.commandLine(ComponentCatalog.standard());
        app.setOut(new PrintWriter(out, true));
        app.setErr(new PrintWriter(err, true));
        return app.execute(args.toArray(String[]::new));
    }

    private static List<CliCommand> commands() {
        return RecEcoCli.commandLine(ComponentCatalog.standard()).commands();
    }

    /** A valid stand-in for each positional parameter, by its label; llm's ACTION is an action word. */
    private static List<String> positionals(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        for (PositionalSpec<?> p : spec.positionals()) {
            switch (p.label()) {
                case "RUN_DIR" -> args.add(runDir.toString());
                case "ACTION" -> args.add("tiny-model");
                default -> args.add(scenario.toString());
            }
        }
        return args;
    }

    @Test
    void theReadmeTableIsTheHelpsTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("(?m)^\\| `(\\d)` \\| (.+?) \\|$").matcher(readme);
        StringBuilder table = new StringBuilder();
        while (m.find()) {
            table.append(m.group(1)).append(' ').append(m.group(2)).append('\n');
        }
        assertEquals("0 success\n1 failure while running\n2 invalid input (scenario or options)\n", table.toString());
        assertEquals(0, execute(List.of("--help")));
        for (String line : table.toString().split("\n")) {
            String code = line.substring(0, 1);
            String meaning = line.substring(2);
            assertTrue(out.toString().matches("(?s).*\\n\\s+" + code + "\\s+" + Pattern.quote(meaning) + "\\n.*"),
                    "the help lists " + line + ":\n" + out);
        }
    }

    @Test
    void helpExitsZeroAndAnUnknownOptionTwoForEveryCommand() {
        for (CliCommand c : commands()) {
            String name = c.spec().name();
            assertEquals(RecEcoCli.OK, execute(List.of(name, "--help")), name);
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertEquals(RecEcoCli.INVALID_INPUT, execute(List.of(name, "--no-such-option")), name);
            assertTrue(err.toString().startsWith("Unknown option: '--no-such-option'"), name + ": " + err);
            assertEquals("", out.toString(), name + " prints nothing to standard output on a usage error");
        }
    }

    @Test
    void aMissingInputExitsTwo() {
        Path missing = dir.resolve("missing.yaml");
        for (String name : List.of("run", "validate", "bench", "study", "sweep")) {
            err.getBuffer().setLength(0);
            assertEquals(RecEcoCli.INVALID_INPUT, execute(List.of(name, missing.toString(), "-q")), name + ": " + err);
        }
        for (String name : List.of("report", "compare", "export")) {
            err.getBuffer().setLength(0);
            assertEquals(RecEcoCli.INVALID_INPUT, execute(List.of(name, dir.resolve("nowhere").toString())), name);
            assertTrue(err.toString().contains("no run database"), name + ": " + err);
        }
    }

    @Test
    void anOutThatIsAFileExitsTwoForEveryCommandTakingOut() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep");
        int checked = 0;
        for (CliCommand c : commands()) {
            if (c.spec().option("--out") == null) {
                continue;
            }
            for (Path out : List.of(file, file.resolve("under"))) {
                List<String> args = new ArrayList<>(List.of(c.spec().name()));
                args.addAll(positionals(c.spec()));
                args.addAll(List.of("--out", out.toString()));
                err.getBuffer().setLength(0);
                assertEquals(RecEcoCli.INVALID_INPUT, execute(args), args + ": " + err);
                assertTrue(err.toString().startsWith("receco " + c.spec().name() + ": --out " + out + ": ")
                        && err.toString().contains("is a file, not a directory"), args + ": " + err);
                assertEquals("keep", Files.readString(file));
            }
            checked++;
        }
        assertEquals(8, checked, "run, validate, study, sweep, report, compare, export, metrics");
    }
}
