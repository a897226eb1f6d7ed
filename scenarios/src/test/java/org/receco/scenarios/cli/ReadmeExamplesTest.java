package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in README.md and in every command's {@code --help} runs as written, so an example cannot rot.
 * Each YAML block is validated as the file kind it is (sweep, study or scenario). Each {@code ./receco} command
 * without a placeholder ({@code FILE}, {@code runs/<id>}, {@code ...}; optional {@code [...]} parts are left
 * out) runs in a child JVM from a copy of {@code scenarios/}, so relative paths resolve as from the repository's
 * root and nothing is written into it, and must exit 0. Shortened, as the README's "Testing the examples"
 * says: {@code --rounds 1} is appended to run, bench, study and sweep, and {@code --replicates 2} to study and {@code --set users.count=1000} to bench;
 * {@code gui} (tested by GuiScreenshotTest) and {@code llm serve} (a server until Ctrl-C) are not started, nor the
 * scenarios under {@code scenarios/llm/}, which need that server (BundledScenariosTest runs them against one).
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE = Pattern.compile("`(\\./receco [^`]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z_]{3,}|<|\\[|\\.\\.\\.|\\||…|\\$");

    @TempDir
    static Path work;

    @BeforeAll
    static void copyScenarios() throws IOException {
        Path from = ROOT.resolve("scenarios");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/src/")
                    && !p.toString().contains("/target/")).toList()) {
                Path to = work.resolve("scenarios").resolve(from.relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }

    /** The README's commands and YAML blocks, in order. */
    @TestFactory
    Stream<DynamicTest> everyReadmeExampleRuns() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        boolean inBlock = false;
        boolean yaml = false;
        StringBuilder block = new StringBuilder();
        int blockLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int n = i + 1;
            if (l.startsWith("```")) {
                if (inBlock && yaml) {
                    String text = block.toString();
                    int at = blockLine;
                    tests.add(DynamicTest.dynamicTest("README.md:" + at + " yaml block", () -> validate(text, at)));
                }
                yaml = !inBlock && l.trim().equals("```yaml");
                inBlock = !inBlock;
                block.setLength(0);
                blockLine = n;
                continue;
            }
            if (inBlock && yaml) {
                block.append(l).append('\n');
                continue;
            }
            List<String> commands = new ArrayList<>();
            if (inBlock && l.startsWith("./receco ")) {
                commands.add(l);
            } else if (!inBlock && !l.startsWith("|")) { // tables describe measurements, not commands
                Matcher m = INLINE.matcher(l);
                while (m.find()) {
                    commands.add(m.group(1));
                }
            }
            for (String c : commands) {
                String runnable = runnable(c);
                if (runnable != null) {
                    tests.add(DynamicTest.dynamicTest("README.md:" + n + " " + runnable,
                            () -> runExample(runnable, "README.md:" + n)));
                }
            }
        }
        assertTrue(tests.size() >= 8, "the README should hold runnable examples: " + tests.size());
        return tests.stream();
    }

    /** Examples in the commands' own --help texts (lines that start with a receco command). */
    @TestFactory
    Stream<DynamicTest> everyHelpExampleRuns() throws Exception {
        String top = run(List.of("--help"), "receco --help");
        List<String> names = new ArrayList<>();
        boolean commands = false;
        for (String l : top.lines().toList()) {
            if (l.startsWith("Commands:")) {
                commands = true;
            } else if (commands && l.matches("  [a-z]+ .*")) {
                names.add(l.trim().split(" ")[0]);
            }
        }
        assertTrue(names.contains("run") && names.contains("sweep"), top);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            String help = run(List.of(name, "--help"), "receco " + name + " --help");
            for (String l : help.lines().toList()) {
                String t = l.trim().replaceFirst("^(e\\.g\\.|Example:)\\s*", "");
                if (t.startsWith("receco ") || t.startsWith("./receco ")) {
                    String runnable = runnable(t.startsWith("./") ? t : "./" + t);
                    if (runnable != null) {
                        tests.add(DynamicTest.dynamicTest(name + " --help: " + runnable,
                                () -> runExample(runnable, "receco " + name + " --help")));
                    }
                }
            }
        }
        return tests.stream();
    }

    /** The command as it runs (optional parts and comments left out), or null when it has a placeholder. */
    static String runnable(String line) {
        String c = line.replaceFirst("\\s+#.*$", "");
        for (String before = ""; !before.equals(c); ) {
            before = c;
            c = c.replaceAll("\\s*\\[[^\\[\\]]*\\](\\.\\.\\.)?", "");
        }
        c = c.trim();
        if (PLACEHOLDER.matcher(c).find() || c.startsWith("./receco gui") || c.startsWith("./receco llm serve")
                || c.contains("scenarios/llm/")) {
            return null;
        }
        return c;
    }

    private static void runExample(String command, String where) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.substring("./receco ".length()).trim().split(" +")));
        String name = args.get(0);
        if (List.of("run", "bench", "study", "sweep").contains(name) && !args.contains("--rounds")) {
            args.addAll(List.of("--rounds", "1"));
        }
        if (name.equals("bench")) {
            args.addAll(List.of("--set", "users.count=1000")); // SimuLine's 10,000 users take a minute to build
        }
        if (name.equals("study") && !args.contains("--replicates")) {
            args.addAll(List.of("--replicates", "2"));
        }
        run(args, where + ": " + command);
    }

    /** Runs receco with {@code args} in a child JVM from the work directory; returns its output (exit 0). */
    private static String run(List<String> args, String what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                RecEcoCli.class.getName()));
        cmd.addAll(args);
        Path log = Files.createTempFile(work, "child", ".log");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, what + " did not end\n" + out);
        assertEquals(0, p.exitValue(), what + " (as " + String.join(" ", args) + ")\n" + out);
        return out;
    }

    /** Validates a YAML block as a sweep, study or scenario file placed where its relative paths resolve. */
    private static void validate(String text, int line) throws Exception {
        String kind = text.contains("\nparameters:") || text.startsWith("parameters:") ? "sweeps"
                : text.contains("\narms:") ? "feedback-loop" : ".";
        Path file = work.resolve("scenarios").resolve(kind).resolve("readme-block-" + line + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        run(List.of("validate", work.relativize(file).toString()), "README.md:" + line + " yaml block");
    }
}
