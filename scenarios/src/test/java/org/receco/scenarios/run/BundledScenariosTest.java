package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/**
 * Every bundled scenario file validates and runs. The small default runs in full; SimuLine's sizes run two
 * rounds here (its full run is the benchmark, {@code receco bench}).
 */
class BundledScenariosTest {
    @TempDir
    Path out;

    /** The bundled files, relative to the scenarios module (Surefire's working directory). */
    static List<Path> bundled() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledScenarioIsValid() throws IOException {
        List<Path> files = bundled();
        assertTrue(files.size() >= 2, "bundled scenarios: " + files);
        for (Path f : files) {
            new ScenarioLoader().load(f); // throws with every problem if invalid
        }
        new ScenarioLoader().load(Path.of("llm", "mixed-population.yaml"));
    }

    /**
     * The replay benchmark's file ({@code bench/llm-replay.yaml}, which {@code BundledStudiesTest} only validates:
     * its users need a server), recorded against a local server (the fault-injecting test model with no
     * faults) with 20 LLM users for one round, then replayed as {@code receco bench --replay} replays it: the replay
     * sends no request and writes the same database.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS)
    void theLlmReplayBenchmarkRecordsAndReplaysToTheSameDigest() throws Exception {
        Path file = Path.of("bench", "llm-replay.yaml");
        String text = Files.readString(file);
        assertTrue(text.contains("endpoint: http://127.0.0.1:8089/v1") && text.contains("count: 1000"));
        try (org.receco.agents.llm.FaultInjectingLlmServer server = org.receco.agents.llm.FaultInjectingLlmServer
                .start(org.receco.agents.llm.FaultInjectingLlmServer.Faults.none())) {
            LoadedScenario s = new ScenarioLoader().load(file.toString(), text.replace("http://127.0.0.1:8089/v1",
                    server.baseUri().toString()).replace("count: 1000", "count: 20"), List.of("rounds=1"));
            RunResult live = Runner.run(s, new Runner.Options(out, 0, null, "live"));
            assertTrue(live.completed(), String.valueOf(live.manifest().error()));
            int before = server.requests();
            RunResult replay = Runner.run(Rerun.load(live.runDir(), new ScenarioLoader()), new Runner.Options(out, 0,
                    null, "replay", live.runDir().toString(),
                    org.receco.agents.users.llm.LlmCallsTable.read(live.runDir())));
            assertTrue(replay.completed(), String.valueOf(replay.manifest().error()));
            assertEquals(before, server.requests(), "the replay sent no request");
            assertEquals(RunDatabase.digest(live.runDir()), RunDatabase.digest(replay.runDir()));
        }
    }

    @Test
    void theNewsEcosystemRunsInFullAndItsBreakingNewsLands() throws Exception {
        LoadedScenario s = new ScenarioLoader().load(Path.of("news-ecosystem.yaml"));
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(s.scenario().rounds(), r.manifest().roundsCompleted());
        assertFalse(Double.isNaN(r.metric("gini.exposure.item")));
        try (Connection c = RunDatabase.open(r.runDir())) {
            assertEquals(s.scenario().rounds() - 1, RunDatabase.lastCompleteRound(c));
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM items WHERE created_round = 25 AND quality = 8.0 AND topic = 3")) {
                rs.next();
                // 100 burst items drawn around topic 3's centre; nearly all stay nearest to it.
                assertTrue(rs.getInt(1) >= 90, "burst items found: " + rs.getInt(1));
            }
        }
    }

    /**
     * The mixed-population scenario end to end against {@code receco llm serve} on a tiny random model in a child
     * JVM, with the file's concurrency of 8: every LLM user is asked, every answer is schema-valid (the server's
     * grammar) or recorded as repaired or fallen back, and the latent users click as SimuLine's do. One round of
     * 8 LLM users: a random model's answers take the CPU, and the length of the run is not what is checked.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 600, unit = java.util.concurrent.TimeUnit.SECONDS)
    void theMixedPopulationRunsAgainstTheLocalServer() throws Exception {
        Path file = Path.of("llm", "mixed-population.yaml");
        String text = Files.readString(file);
        assertTrue(text.contains("endpoint: http://127.0.0.1:8089/v1") && text.contains("concurrency: 8"));
        try (org.receco.scenarios.llm.ForkedLlmServer server = org.receco.scenarios.llm.ForkedLlmServer.start(out)) {
            // 8 of the 50 LLM users: the random model's answers take about half a second each on one core.
            assertTrue(text.contains("count: 50"));
            LoadedScenario s = new ScenarioLoader().load(file.toString(), text.replace("127.0.0.1:8089",
                    "127.0.0.1:" + server.port()).replace("count: 50", "count: 8"), List.of("rounds=1"));
            RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
            assertTrue(r.completed(), String.valueOf(r.manifest().error()));
            try (Connection c = RunDatabase.open(r.runDir())) {
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(DISTINCT user_id), COUNT(*), "
                        + "SUM(CASE WHEN status = 'OK' THEN 1 ELSE 0 END) FROM llm_calls");
                rs.next();
                assertEquals(8, rs.getInt(1), "every LLM user asked");
                assertTrue(2 * rs.getInt(3) >= rs.getInt(2), "schema-valid answers: " + rs.getInt(3) + " of "
                        + rs.getInt(2));
                rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM interactions WHERE user_id < 2000");
                rs.next();
                assertEquals(2000 * 10, rs.getInt(1), "10 clicks per latent user");
            }
        }
    }

    @Test
    void simulinesDefaultSizesRun() {
        LoadedScenario s = new ScenarioLoader().load(Path.of("simuline-default.yaml"), List.of("rounds=2"));
        assertEquals(10_000, s.scenario().users().count());
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(2L * 10_000 * 10, r.clicks(), "10 clicks per user per round");
    }

    /**
     * The million-user benchmark validates at its own sizes (and fits the 8 GB it is benchmarked in), and runs
     * here shrunk to 2,000 users and two rounds: every user clicks twice a round, and its metrics read their 1 %
     * sample of users.
     */
    @Test
    void theMillionUserBenchmarkValidatesAndRunsShrunk() {
        Path file = Path.of("bench", "million-users.yaml");
        LoadedScenario full = new ScenarioLoader().load(file);
        assertEquals(1_000_000, full.scenario().users().count());
        assertEquals(50, full.scenario().slate().size());
        assertEquals(0.01, full.scenario().metrics().userShare());
        assertTrue(MemoryEstimate.of(full.scenario()).bytes() < 8L << 30,
                "estimated " + MemoryEstimate.of(full.scenario()).bytes() + " bytes");
        LoadedScenario s = new ScenarioLoader().load(file, List.of("users.count=2000", "rounds=2"));
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(2L * 2000 * 2, r.clicks(), "2 clicks per user per round");
        assertFalse(Double.isNaN(r.metric("gini.exposure.item")));
    }

    /**
     * The MovieLens world runs when {@code ./receco data movielens} has written the data at the repository root
     * (two rounds here, pointed at them by an override, since Surefire works in the module directory); without them
     * it must say what to run.
     */
    @Test
    void theMovieLensWorldRunsOnTheDataOrSaysHowToGetThem() {
        Path file = Path.of("shilling/movielens-world.yaml");
        Path data = Path.of("..", "data", "movielens").toAbsolutePath().normalize();
        if (!org.receco.agents.data.MovieLensCsv.present(data)) {
            org.receco.scenarios.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.receco.scenarios.ScenarioException.class, () -> new ScenarioLoader().load(file));
            assertTrue(e.getMessage().contains("run ./receco data movielens first"), e.getMessage());
            System.out.println("BundledScenariosTest: no MovieLens data at " + data + " (./receco data movielens); "
                    + "checked the message only");
            return;
        }
        LoadedScenario s = new ScenarioLoader().load(file, List.of("world.ratings=" + data, "rounds=2"));
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(2L * 671, r.clicks(), "one pick per user per round");
    }
}
