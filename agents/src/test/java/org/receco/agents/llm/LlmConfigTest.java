package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmConfigTest {
    private static final LlmConfig BASE = LlmConfig.of("http://127.0.0.1:8089/v1/", "tiny");

    private static String problem(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsBadValuesWithTheirName() {
        assertTrue(problem(() -> LlmConfig.of("ftp://x/v1", "m")).contains("must be an http or https URL"));
        assertTrue(problem(() -> LlmConfig.of("http://x/v1", " ")).contains("llm model must be named"));
        assertTrue(problem(() -> BASE.withSampling(3, 10, 1)).contains("llm temperature 3.0 must be in [0, 2]"));
        assertTrue(problem(() -> BASE.withConcurrency(0)).contains("llm concurrency 0 must be positive"));
        assertTrue(problem(() -> BASE.withRetries(Duration.ZERO, 1, Duration.ofMillis(1), Duration.ofMillis(1)))
                .contains("llm timeout"));
        assertTrue(problem(() -> BASE.withBudget(-1, 0)).contains("budgets"));
        assertTrue(problem(() -> BASE.withCache(null, LlmConfig.CacheMode.REPLAY)).contains("cache directory"));
    }

    @Test
    void postsToChatCompletionsUnderTheEndpoint() {
        assertEquals("http://127.0.0.1:8089/v1/chat/completions", BASE.chatCompletions().toString());
        assertEquals(BASE, BASE.withCache(null, LlmConfig.CacheMode.RECORD).withApiKeyEnv(""));
        assertEquals(Path.of("c"), BASE.withCache(Path.of("c"), LlmConfig.CacheMode.REPLAY).cacheDir());
    }
}
