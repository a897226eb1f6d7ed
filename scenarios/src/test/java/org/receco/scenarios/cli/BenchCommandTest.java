package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ComponentCatalog;

/**
 * {@code receco bench}, here its {@code --replay RUN_DIR} form: a small mixed run is recorded against a real local
 * chat-completions server (the fault-injecting one, with no faults), then benchmarked as a replay, whose requests
 * are counted at that server.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BenchCommandTest {
    private static final Pattern DECISIONS = Pattern.compile(
            "llm decisions +([\\d,]+) replayed from ([\\d,]+) recorded calls: ([\\d,]+)/s over the run, ([\\d,]+)/s "
                    + "in the choose phase");

    @TempDir
    static Path dir;
    private static FaultInjectingLlmServer server;
    private static Path recorded;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void record() throws Exception {
        server = FaultInjectingLlmServer.start(FaultInjectingLlmServer.Faults.none());
        Path scenario = Files.writeString(dir.resolve("mixed.yaml"), """
                name: mixed-bench
                seed: 4
                rounds: 2
                space: {dims: 8, topics: 6}
                users:
                  populations:
                    - {name: latent, count: 100, model: simuline}
                    - name: llm
                      count: 12
                      model: llm
                      params: {endpoint: '%s', model: scripted, retries: 0, timeoutSeconds: 20}
                authors: {count: 20, model: news, params: {itemsPerRound: 5}}
                slate: {size: 12, match: 10, coldStart: 2}
                recommender: {name: bpr, trainEvery: 1}
                """.formatted(server.baseUri()));
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(e, true));
        assertEquals(0, cl.execute("run", scenario.toString(), "--out", dir.resolve("runs").toString(), "--quiet"),
                e.toString());
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            recorded = s.findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private int bench(String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static long count(Path run, String sql) throws Exception {
        try (Connection c = RunDatabase.openReadOnly(run); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aReplayBenchmarkCountsTheRecordedDecisionsAndSendsNoRequest() throws Exception {
        int before = server.requests();
        assertEquals(0, bench("bench", "--replay", recorded.toString(), "--quiet"), err.toString());
        assertEquals(before, server.requests(), "a replay benchmark sends no request, not even the probe");
        String text = out.toString();
        assertTrue(text.contains("benchmark: ") && text.contains("time per phase:"), text);
        Matcher m = DECISIONS.matcher(text);
        assertTrue(m.find(), text);
        long rows = count(recorded, "SELECT COUNT(*) FROM llm_calls");
        assertTrue(rows >= 2 * 12, "every LLM user asked at least once a round: " + rows);
        assertEquals(rows, Long.parseLong(m.group(1).replace(",", "")), "every recorded decision replayed");
        assertEquals(count(recorded, "SELECT COUNT(DISTINCT request_key) FROM llm_calls"),
                Long.parseLong(m.group(2).replace(",", "")));
        long overRun = Long.parseLong(m.group(3).replace(",", ""));
        long inChoose = Long.parseLong(m.group(4).replace(",", ""));
        assertTrue(overRun > 0 && inChoose >= overRun, "the choose phase is part of the run: " + text);
    }

    @Test
    void aReplayWhoseRecordLacksARequestFailsAndSaysWhich() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("tampered"));
        try (Stream<Path> s = Files.list(recorded)) {
            for (Path f : s.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (Connection c = RunDatabase.open(copy)) {
            c.createStatement().executeUpdate("DELETE FROM llm_calls WHERE round = 1 AND user_id = "
                    + "(SELECT MIN(user_id) FROM llm_calls WHERE round = 1)");
        }
        int before = server.requests();
        assertEquals(RecEcoCli.FAILURE, bench("bench", "--replay", copy.toString(), "--quiet"));
        assertTrue(err.toString().contains("no recorded call for round 1"), err.toString());
        assertEquals(before, server.requests());
    }

    @Test
    void aReplayTakesNoScenarioNorOverrides() {
        for (List<String> extra : List.of(List.of("x.yaml"), List.of("--set", "rounds=1"), List.of("--seed", "2"))) {
            StringWriter e = new StringWriter();
            CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(e, true));
            List<String> args = new java.util.ArrayList<>(List.of("bench", "--replay", recorded.toString()));
            args.addAll(extra);
            assertEquals(RecEcoCli.INVALID_INPUT, cl.execute(args.toArray(String[]::new)));
            assertTrue(e.toString().contains("--replay benchmarks the recorded run as it ran"), e.toString());
        }
    }
}
