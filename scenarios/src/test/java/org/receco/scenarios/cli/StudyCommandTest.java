package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/** {@code receco study} end to end with the real components: located problems, and what the report holds. */
class StudyCommandTest {
    private static final String TINY = """
            name: tiny
            replicates: 2
            metrics: [gini.interactions]
            scenario:
              rounds: 3
              users: {count: 40}
              authors: {count: 4}
              slate: {size: 10, match: 8, coldStart: 2}
            arms:
              rand: {recommender.name: random}
              pop: {recommender.name: popular}
            baseline: rand
            """;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    /** Runs the command; returns its exit code and keeps what it printed to standard output in {@code stdout}. */
    private int run(StringBuilder stdout, String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return cl.execute(args);
        } finally {
            System.setOut(saved);
            stdout.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> pngs(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    @Test
    void problemsAreLocatedInTheStudyFileAndExit2BeforeAnythingRuns() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), TINY.replace("authors: {count: 4}", "authors: {cont: 4}")
                .replace("recommender.name: popular", "recommender.name: populr"));
        Path out = dir.resolve("out");
        assertEquals(2, run(new StringBuilder(), "study", f.toString(), "--out", out.toString()));
        String e = err.toString();
        assertTrue(e.contains(f + ":7:13: key path 'authors.cont': unknown key 'cont'"), e);
        assertTrue(e.contains(f + ":11:27: key path 'recommender.name': unknown recommender 'populr'"), e);
        assertTrue(e.contains("2 problems found"), e);
        assertFalse(Files.exists(out));
        assertEquals(2, run(new StringBuilder(), "study", f.toString(), "--replicates", "0"));
        assertTrue(err.toString().contains("--replicates must be at least 1"), err.toString());
        assertEquals(2, run(new StringBuilder(), "study", f.toString(), "--threads", "-1"));
        assertTrue(err.toString().contains("--threads -1 is negative"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void theLastLineSaysWhetherChartsWereWritten() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), TINY);
        Path plain = dir.resolve("plain");
        StringBuilder stdout = new StringBuilder();
        assertEquals(0, run(stdout, "study", f.toString(), "--out", plain.toString(), "--no-charts", "--threads", "2"),
                err.toString());
        List<String> lines = stdout.toString().lines().toList();
        assertEquals("report: " + plain.resolve("summary.csv") + ", seeds.csv (no charts: --no-charts)",
                lines.get(lines.size() - 1));
        assertEquals(List.of(), pngs(plain));
        assertTrue(Files.exists(plain.resolve("seeds.csv")));

        Path charts = dir.resolve("charts");
        stdout.setLength(0);
        assertEquals(0, run(stdout, "study", f.toString(), "--out", charts.toString(), "--threads", "2"),
                err.toString());
        lines = stdout.toString().lines().toList();
        assertEquals("report: " + charts.resolve("summary.csv") + ", seeds.csv and one PNG chart per metric",
                lines.get(lines.size() - 1));
        assertEquals(List.of("gini.interactions.png"), pngs(charts));
    }
}
