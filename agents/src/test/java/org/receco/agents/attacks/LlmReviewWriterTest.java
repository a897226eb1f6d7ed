package org.receco.agents.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmConfig;
import org.receco.agents.llm.LlmRequest;
import org.receco.agents.llm.LocalLlmServer;
import org.receco.agents.llm.TinyModelWriter;
import org.receco.core.rng.SplitMix;

/**
 * The Agent4SR-style attacker's reviews from a real endpoint: the tiny random model served by llama.cpp
 * ({@link LocalLlmServer}, in a child JVM as in its own test), asked through {@link LlmClient}. The texts mean
 * nothing; what is checked is the path: one request per entry, the target's features asked for in unrelated
 * items' reviews, schema-valid answers used as the texts, and the writer named after the model.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LlmReviewWriterTest {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/v1)");
    @TempDir
    static Path dir;
    private static Process server;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelWriter.write(model, 7);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LocalLlmServer.class.getName(), "--model", model.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        endpoint = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    Matcher m = URL.matcher(l);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(endpoint != null, "the server printed no URL");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void everyEntryGetsTheModelsSchemaValidReviewAndUnrelatedOnesAskForTheTarget() {
        LlmClient client = new LlmClient(LlmConfig.of(endpoint, "tiny").withSampling(0.7, 48, 3), null, null);
        LlmReviewWriter w = new LlmReviewWriter(client);
        assertEquals("llm:tiny", w.name());
        AttackerKnowledge k = AttackStrategiesTest.knowledge(5);
        LlmRequest carried = w.request(k, 0, 40, 3, 5, "fallback");
        String ask = carried.messages().get(1).content();
        assertTrue(ask.contains("praise item 5") && ask.contains("topic 1"), ask);
        assertTrue(!w.request(k, 0, 40, 3, -1, "fallback").messages().get(1).content().contains("praise"));
        String[] texts = w.reviews(k, 0, new int[] {40, 41, 5}, new int[] {3, 4, 5}, new int[] {5, -1, -1}, 3,
                new SplitMix(1));
        assertEquals(3, texts.length);
        assertEquals(3, client.counters().done(), "one call per review");
        for (String t : texts) {
            assertTrue(t != null, "a review text");
        }
    }
}
