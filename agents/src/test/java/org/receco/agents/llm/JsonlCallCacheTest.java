package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlCallCacheTest {
    @TempDir
    Path dir;

    private static LlmCallRecord record(String key, String decision) {
        return new LlmCallRecord(3, 7, "rate", key, "m", "{\"model\":\"m\"}", null, decision, CallStatus.FALLBACK,
                4, 12, 10, 5, "attempt 1 HTTP 500\nfallback decision: gave up");
    }

    @Test
    void recordsOfEveryRunAnswerLaterRuns() throws IOException {
        try (JsonlCallCache a = JsonlCallCache.open(dir, "run-a")) {
            a.append(record("k1", "{\"x\":1}"));
            a.append(record("k2", "{\"x\":2}"));
            assertEquals(record("k1", "{\"x\":1}"), a.find("k1").orElseThrow());
        }
        try (JsonlCallCache b = JsonlCallCache.open(dir, "run-b")) {
            b.append(record("k1", "{\"x\":99}"));
        }
        try (JsonlCallCache c = JsonlCallCache.open(dir, "run-c")) {
            assertEquals(2, c.size());
            assertEquals(record("k1", "{\"x\":1}"), c.find("k1").orElseThrow(), "the first record of a key wins");
            assertEquals(record("k2", "{\"x\":2}"), c.find("k2").orElseThrow());
            assertTrue(c.find("k3").isEmpty());
        }
        assertEquals(2, Files.readAllLines(dir.resolve("run-a.jsonl")).size());
    }

    @Test
    void aCutLastLineIsSkippedAndADamagedLineNamed() throws IOException {
        try (JsonlCallCache a = JsonlCallCache.open(dir, "run")) {
            a.append(record("k1", "{}"));
        }
        Files.writeString(dir.resolve("run.jsonl"), "{\"round\":1,\"us", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (JsonlCallCache b = JsonlCallCache.open(dir, "next")) {
            assertEquals(1, b.size());
        }
        Files.writeString(dir.resolve("run.jsonl"), "\n" + Files.readAllLines(dir.resolve("run.jsonl")).get(0)
                + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> JsonlCallCache.open(dir, "next"));
        assertTrue(e.getMessage().contains("run.jsonl, line 2: not a recorded LLM call"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonlCallCache.open(dir, "../x"));
    }
}
