package org.receco.scenarios.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * The LLM users' memory in a run against {@link FaultInjectingLlmServer} with no faults, answering by
 * {@link PersonaScript}: rated clicks come back in later prompts with a
 * reflection, and the {@code embedder} decides which (MiniLM by meaning, none by recency), while the prompts before
 * any memory are the same whatever the embedder.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LlmMemoryRunTest {
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

    private Path run(String embedder) {
        String yaml = LlmPopulationRunTest.scenario(PersonaScript.endpoint(server), 12, ", memories: 4, embedder: " + embedder);
        RunResult r = Runner.run(new ScenarioLoader().load("memory.yaml", yaml, List.of()),
                new Runner.Options(dir, 2, null, embedder));
        assertTrue(r.completed(), String.valueOf(r.manifest().error()));
        return r.runDir();
    }

    @Test
    void laterPromptsRememberRatedClicksAndTheEmbedderChoosesWhich() throws Exception {
        Path minilm = run("minilm");
        Path none = run("none");
        String calls = "SELECT round, user_id, purpose, request FROM llm_calls ORDER BY round, user_id, purpose";
        try (Connection a = RunDatabase.open(minilm); Connection b = RunDatabase.open(none)) {
            for (Connection c : List.of(a, b)) {
                assertEquals(0, LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE round = 0 AND "
                        + "purpose = 'page-1' AND request LIKE '%What you remember%'"), "nothing to remember yet");
                assertTrue(LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE round = 2 AND request "
                        + "LIKE '%What you remember:\\\\n- round _: you rated %stars (item _ on page _)%'") > 0,
                        "a rated click with its reason comes back");
                assertTrue(LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE request LIKE "
                        + "'%Your reflection: You enjoyed %' OR request LIKE '%Your reflection: Nothing pleased%'") > 0,
                        "a reflection after 3 memories");
            }
            String first = "SELECT user_id, request FROM llm_calls WHERE round = 0 AND purpose = 'page-1' ORDER BY "
                    + "user_id";
            assertEquals(LlmPopulationRunTest.rows(a, first), LlmPopulationRunTest.rows(b, first),
                    "before any memory the embedder changes nothing");
            assertNotEquals(LlmPopulationRunTest.rows(a, calls), LlmPopulationRunTest.rows(b, calls),
                    "relevance by meaning picks other memories than recency does");
        }
    }
}
