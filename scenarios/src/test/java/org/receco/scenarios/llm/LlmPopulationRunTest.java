package org.receco.scenarios.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.agents.users.llm.LlmCallsTable;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Rerun;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * LLM users in a mixed run, end to end through {@link Runner} against a real local HTTP server that speaks the
 * chat-completions protocol ({@link FaultInjectingLlmServer} with no faults, answering by {@link PersonaScript}
 * from the persona fields of each prompt).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LlmPopulationRunTest {
    private static FaultInjectingLlmServer server;
    private static String endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = PersonaScript.server();
        endpoint = PersonaScript.endpoint(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** 300 latent users and {@code llmUsers} LLM users for 3 rounds; {@code extra} goes into the LLM params. */
    static String scenario(String endpoint, int llmUsers, String extra) {
        return """
                name: mixed-small
                seed: 3
                rounds: 3
                space: {dims: 8, topics: 6}
                users:
                  populations:
                    - {name: latent, count: 300, model: simuline}
                    - name: llm
                      count: %d
                      model: llm
                      params: {endpoint: '%s', model: scripted, retries: 0, timeoutSeconds: 20%s}
                authors: {count: 30, model: news, params: {itemsPerRound: 5}}
                items: {lifetime: 3}
                slate: {size: 20, match: 16, coldStart: 4}
                recommender: {name: bpr, trainEvery: 1}
                store: {interactions: true, impressions: off}
                """.formatted(llmUsers, endpoint, extra);
    }

    private LoadedScenario load(String yaml) {
        return new ScenarioLoader().load("mixed-small.yaml", yaml, List.of());
    }

    private RunResult run(String yaml, String name) {
        return Runner.run(load(yaml), new Runner.Options(dir, 2, null, name));
    }

    @Test
    void llmUsersClickRateAndReviewAndEveryCallIsRecordedWithTheLedger() throws Exception {
        RunResult r = run(scenario(endpoint, 20, ""), "a");
        assertTrue(r.completed(), String.valueOf(r.manifest().error()));
        try (Connection c = RunDatabase.open(r.runDir())) {
            for (int round = 0; round < 3; round++) {
                long rows = count(c, "SELECT COUNT(*) FROM llm_calls WHERE round = " + round);
                assertTrue(rows >= 20, "every LLM user is asked at least its first page: " + rows);
                assertEquals(rows, metric(c, round, "llm.calls"), 1e-9, "the ledger counts the round's calls");
                assertEquals(0, metric(c, round, "llm.fallbacks"), 1e-9);
            }
            // Ratings and reviews come only from the LLM users (ids 300..319), one per click.
            long llmClicks = count(c, "SELECT COUNT(*) FROM interactions WHERE user_id >= 300");
            assertTrue(llmClicks > 0);
            assertEquals(llmClicks, count(c, "SELECT COUNT(*) FROM ratings"));
            assertEquals(llmClicks, count(c, "SELECT COUNT(*) FROM reviews WHERE text LIKE 'item % on page %'"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM ratings WHERE user_id < 300"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM llm_calls WHERE status <> 'OK' OR request NOT LIKE "
                    + "'%json_schema%'"));
        }
    }

    @Test
    void highActivityUsersViewMorePagesThanLowActivityOnes() throws Exception {
        // Half the users low, half high activity; the scripted model leaves after page 1 or browses to page 5.
        StringBuilder personas = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            personas.append("{\"user\": ").append(k).append(", \"activity\": \"").append(k % 2 == 0 ? "low" : "high")
                    .append("\"}\n");
        }
        Path file = Files.writeString(dir.resolve("personas.jsonl"), personas);
        RunResult r = run(scenario(endpoint, 20, ", persona: '" + file + "'"), "p");
        assertTrue(r.completed(), String.valueOf(r.manifest().error()));
        try (Connection c = RunDatabase.open(r.runDir())) {
            double low = count(c, "SELECT COUNT(*) FROM llm_calls WHERE MOD(user_id - 300, 2) = 0") / 30.0;
            double high = count(c, "SELECT COUNT(*) FROM llm_calls WHERE MOD(user_id - 300, 2) = 1") / 30.0;
            // Pages per user and round: low users see exactly 1; high ones all 5 (a slate of 20 holds 5 pages of 4).
            assertEquals(1.0, low, 1e-9);
            assertEquals(5.0, high, 1e-9);
            assertTrue(count(c, "SELECT COUNT(*) FROM llm_calls WHERE purpose = 'page-5' AND request LIKE "
                    + "'%You are very tired.%'") > 0, "the fatigue sentence reaches the prompt");
        }
    }

    @Test
    void latentUsersOutcomesDoNotDependOnTheLlmConcurrency() throws Exception {
        RunResult one = run(scenario(endpoint, 20, ", concurrency: 1"), "c1");
        RunResult many = run(scenario(endpoint, 20, ", concurrency: 16"), "c16");
        assertTrue(one.completed() && many.completed());
        String latent = "SELECT round, user_id, item, liked, utility FROM interactions WHERE user_id < 300 "
                + "ORDER BY round, user_id, position";
        String llm = "SELECT round, user_id, purpose, request_key, decision FROM llm_calls ORDER BY round, user_id, purpose";
        try (Connection a = RunDatabase.open(one.runDir()); Connection b = RunDatabase.open(many.runDir())) {
            List<String> la = rows(a, latent);
            assertTrue(la.size() > 1000, "latent clicks: " + la.size());
            assertEquals(la, rows(b, latent));
            assertEquals(rows(a, llm), rows(b, llm));
        }
    }

    @Test
    void aReplayAnswersFromTheRecordSendsNothingAndHasTheSameDigest() throws Exception {
        RunResult live = run(scenario(endpoint, 20, ""), "live");
        assertTrue(live.completed());
        int before = server.requests();
        LoadedScenario again = Rerun.load(live.runDir(), new ScenarioLoader());
        RunResult replay = Runner.run(again, new Runner.Options(dir, 1, null, "replay", live.runDir().toString(),
                LlmCallsTable.read(live.runDir())));
        assertTrue(replay.completed(), String.valueOf(replay.manifest().error()));
        assertEquals(before, server.requests(), "a replay sends no request, not even the probe");
        assertEquals(RunDatabase.digest(live.runDir()), RunDatabase.digest(replay.runDir()));
    }

    @Test
    void aSharedCacheAnswersASecondRunWithoutChatRequests() throws Exception {
        Path cache = dir.resolve("cache");
        String yaml = scenario(endpoint, 10, ", cache: '" + cache + "'");
        RunResult first = run(yaml, "first");
        assertTrue(first.completed());
        assertTrue(Files.list(cache).anyMatch(p -> p.toString().endsWith(".jsonl")));
        int before = server.requests();
        RunResult second = run(yaml, "second");
        assertTrue(second.completed());
        assertEquals(before + 1, server.requests(), "only the probe of /v1/models");
        try (Connection a = RunDatabase.open(first.runDir()); Connection b = RunDatabase.open(second.runDir())) {
            String q = "SELECT round, user_id, item, liked, utility FROM interactions ORDER BY round, user_id, position";
            assertEquals(rows(a, q), rows(b, q));
        }
    }

    @Test
    void aMissingServerIsOneClearErrorBeforeRoundZero() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> run(scenario("http://127.0.0.1:" + port + "/v1", 5, ""), "missing"));
        assertEquals(0, e.result().manifest().roundsCompleted());
        String m = e.getMessage();
        assertTrue(m.contains("no LLM server answers at http://127.0.0.1:" + port + "/v1") && m.contains(
                "receco llm serve"), m);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double metric(Connection c, int round, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT \"VALUE\" FROM metrics WHERE round = " + round
                + " AND name = '" + name + "'")) {
            assertTrue(rs.next(), name + " recorded in round " + round);
            return rs.getDouble(1);
        }
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int k = 1; k <= n; k++) {
                    b.append(rs.getString(k)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
