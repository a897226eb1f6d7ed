package org.receco.scenarios.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * {@code embedder: endpoint} end to end against a real local server ({@link FaultInjectingLlmServer}, no faults)
 * that answers both {@code /v1/chat/completions} (by {@link PersonaScript}) and {@code /v1/embeddings}, and counts
 * the requests of each: the embedding calls are recorded in {@code llm_embeddings} and in the {@code llm.cache}
 * file, and a replay or a second run over the cache answers them from the record without a request.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LlmEmbeddingReplayTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String EMBEDDINGS = "/v1/embeddings";
    private static FaultInjectingLlmServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = PersonaScript.server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String yaml(String extra) {
        return LlmPopulationRunTest.scenario(PersonaScript.endpoint(server), 12, ", memories: 4, embedder: endpoint, "
                + "embeddingModel: bag-of-words" + extra);
    }

    private RunResult run(String yaml, String name) {
        RunResult r = Runner.run(new ScenarioLoader().load("embed.yaml", yaml, List.of()),
                new Runner.Options(dir, 2, null, name));
        assertTrue(r.completed(), String.valueOf(r.manifest().error()));
        return r;
    }

    private RunResult replay(Path runDir, String name) throws Exception {
        LoadedScenario again = Rerun.load(runDir, new ScenarioLoader());
        return Runner.run(again, new Runner.Options(dir, 1, null, name, runDir.toString(),
                LlmCallsTable.read(runDir)));
    }

    @Test
    void aReplayAnswersChatAndEmbeddingsFromTheRecordWithNoRequestAndTheSameDigest() throws Exception {
        long chat0 = server.requests(CHAT);
        long embed0 = server.requests(EMBEDDINGS);
        RunResult live = run(yaml(""), "live");
        long chat = server.requests(CHAT) - chat0;
        long embed = server.requests(EMBEDDINGS) - embed0;
        assertTrue(chat > 0 && embed > 0, chat + " chat and " + embed + " embedding requests");
        try (Connection c = RunDatabase.open(live.runDir())) {
            assertEquals(chat, LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls"));
            assertEquals(embed, LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_embeddings"),
                    "one row per embedding request (no retries against a server without faults)");
            assertEquals(0, LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_embeddings WHERE response NOT LIKE "
                    + "'%\"embedding\":[%' OR request NOT LIKE '%\"model\":\"bag-of-words\"%' OR user_id <> 300"));
            assertTrue(LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_embeddings WHERE purpose = "
                    + "'page-1-memories' AND round = 1") == 1, "the memories of round 1's first pages");
            assertTrue(LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE round = 2 AND request "
                    + "LIKE '%What you remember%'") > 0, "the embedded memories reach the prompts");
        }
        int before = server.requests();
        RunResult replay = replay(live.runDir(), "replay");
        assertTrue(replay.completed(), String.valueOf(replay.manifest().error()));
        assertEquals(before, server.requests(), "no request of any kind: chat, embeddings, not even the probe");
        assertEquals(RunDatabase.digest(live.runDir()), RunDatabase.digest(replay.runDir()));

        // An embedding call missing from the record is an error, as a missing decision is.
        try (Connection c = RunDatabase.open(live.runDir())) {
            c.createStatement().executeUpdate("DELETE FROM llm_embeddings WHERE round = 2 AND purpose = "
                    + "'page-1-items'");
        }
        RunFailedException e = assertThrows(RunFailedException.class, () -> replay(live.runDir(), "broken"));
        assertTrue(e.getMessage().contains("no recorded embedding call for round 2, purpose 'page-1-items'"),
                e.getMessage());
        assertEquals(before, server.requests(), "a failed replay sends nothing either");
    }

    @Test
    void aSharedCacheAnswersEmbeddingsAsWellAsDecisions() throws Exception {
        Path cache = dir.resolve("cache");
        String yaml = yaml(", cache: '" + cache + "'");
        RunResult first = run(yaml, "first");
        String lines = Files.readString(cache.resolve(first.runDir().getFileName() + ".jsonl"));
        assertTrue(lines.contains("\"purpose\":\"page-1-items\"") && lines.contains("\"purpose\":\"page-1\""),
                "the cache file holds the embedding calls beside the decisions");
        long chat = server.requests(CHAT);
        long embed = server.requests(EMBEDDINGS);
        int all = server.requests();
        RunResult second = run(yaml, "second");
        assertEquals(chat, server.requests(CHAT));
        assertEquals(embed, server.requests(EMBEDDINGS));
        assertEquals(all + 1, server.requests(), "only the probe of /v1/models");
        assertEquals(RunDatabase.digest(first.runDir()), RunDatabase.digest(second.runDir()));
    }

    @Test
    void onlyAnEndpointEmbedderAddsTheTable() throws Exception {
        RunResult none = run(LlmPopulationRunTest.scenario(PersonaScript.endpoint(server), 6, ", embedder: none"),
                "none");
        RunResult endpoint = run(yaml(""), "endpoint");
        assertFalse(hasTable(none.runDir()), "a run embedding nothing keeps its schema");
        assertTrue(hasTable(endpoint.runDir()));
    }

    private static boolean hasTable(Path runDir) throws Exception {
        try (Connection c = RunDatabase.open(runDir);
             ResultSet t = c.getMetaData().getTables(null, null, "LLM_EMBEDDINGS", null)) {
            return t.next();
        }
    }
}
