package org.receco.agents.llm.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.JsonlCallCache;
import org.receco.agents.llm.LlmCallRecord;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmConfig;
import org.receco.agents.llm.LlmReplayMissException;

/**
 * Against a real HTTP server on 127.0.0.1 speaking OpenAI's embeddings protocol: {@code POST /v1/embeddings} with
 * {@code {model, input: [...]}} answered by {@code {object: list, data: [{object: embedding, index, embedding}],
 * model, usage}}. Its vectors are counts of letters a-h (unnormalised, so the client's normalising shows), listed
 * in reverse order so the client must go by {@code index}.
 */
class EndpointEmbedderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-test-0123456789abcdef";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger busyLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
        bodies.add(req);
        List<String> input = new ArrayList<>();
        req.path("input").forEach(n -> input.add(n.asText()));
        if (input.contains("busy") && busyLeft.getAndDecrement() > 0) {
            reply(ex, 429, Map.of("Retry-After", "0"), "{\"error\":{\"message\":\"slow down\"}}");
            return;
        }
        if (input.contains("broken")) {
            reply(ex, 500, Map.of(), "{\"error\":\"internal\"}");
            return;
        }
        if (input.contains("refused")) {
            // A server that echoes the request's headers in its error (some proxies do).
            reply(ex, 401, Map.of(), "{\"error\":\"bad key " + ex.getRequestHeaders().getFirst("Authorization")
                    + "\"}");
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", req.path("model").asText());
        ArrayNode data = answer.putArray("data");
        for (int i = input.size() - 1; i >= 0; i--) {
            ObjectNode d = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode v = d.putArray("embedding");
            for (float x : letters(input.get(i))) {
                v.add(x);
            }
        }
        answer.putObject("usage").put("prompt_tokens", input.size()).put("total_tokens", input.size());
        reply(ex, 200, Map.of(), answer.toString());
    }

    /** Counts of the letters a..h, plus one so no vector is zero. */
    static float[] letters(String s) {
        float[] v = new float[8];
        v[7] = 1;
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'h') {
                v[c - 'a']++;
            }
        }
        return v;
    }

    private static void reply(HttpExchange ex, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private LlmConfig config() {
        return LlmConfig.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "chat-model")
                .withRetries(Duration.ofSeconds(5), 2, Duration.ofMillis(1), Duration.ofMillis(10))
                .withApiKeyEnv("EMBED_KEY");
    }

    private EndpointEmbedder embedder() {
        return new EndpointEmbedder(config(), "tiny-embed", Map.of("EMBED_KEY", KEY)::get);
    }

    @Test
    void embedsABatchInOneRequestInInputOrder() {
        EndpointEmbedder e = embedder();
        List<String> texts = List.of("abba", "cafe", "hedge");
        float[][] v = e.embed(texts);
        assertEquals(1, requests.get());
        assertEquals("tiny-embed", bodies.get(0).path("model").asText());
        assertEquals(3, bodies.get(0).path("input").size());
        assertEquals("Bearer " + KEY, authorizations.get(0));
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(Embedder.normalise(letters(texts.get(i))), v[i], 1e-6f, texts.get(i));
        }
        assertEquals(8, e.dims());
        assertEquals(1, requests.get(), "the length came from the answer, not another request");
        assertEquals(0, e.embed(List.of()).length);
        assertEquals(1, requests.get(), "nothing to embed, nothing sent");
    }

    @Test
    void retriesRateLimitsAndServerErrorsThenSaysWhy() {
        busyLeft.set(2);
        float[][] v = embedder().embed(List.of("busy"));
        assertEquals(3, requests.get(), "two 429s, then the answer");
        assertArrayEquals(Embedder.normalise(letters("busy")), v[0], 1e-6f);

        requests.set(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> embedder().embed(List.of("broken")));
        assertEquals(3, requests.get(), "one try and two retries");
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("3 attempt"), e.getMessage());
    }

    @Test
    void theKeyIsNeverInAMessage() {
        requests.set(0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> embedder().embed(List.of("refused")));
        assertEquals(1, requests.get(), "a 401 is not retried");
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("[api key]"), e.getMessage());
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> new EndpointEmbedder(config(), "tiny-embed", name -> null));
        assertTrue(unset.getMessage().contains("EMBED_KEY"), unset.getMessage());
    }

    @Test
    void aMissingServerIsAClearError() {
        int port = server.getAddress().getPort();
        server.stop(0);
        LlmConfig c = LlmConfig.of("http://127.0.0.1:" + port + "/v1", "m")
                .withRetries(Duration.ofSeconds(2), 1, Duration.ofMillis(1), Duration.ofMillis(10));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new EndpointEmbedder(c, "tiny-embed").embed(List.of("abc")));
        assertTrue(e.getMessage().contains("2 attempt") && e.getMessage().contains("/v1/embeddings"),
                e.getMessage());
    }

    @Test
    void aCallIsRecordedAndAReplayAnswersItFromTheRecordWithoutARequest(@TempDir Path dir) throws IOException {
        List<String> texts = List.of("abba", "cafe", "hedge");
        float[][] live;
        LlmCallRecord recorded;
        try (JsonlCallCache cache = JsonlCallCache.open(dir, "live")) {
            EndpointEmbedder e = new EndpointEmbedder(config().withCache(dir, LlmConfig.CacheMode.RECORD),
                    "tiny-embed", Map.of("EMBED_KEY", KEY)::get, cache, cache);
            EndpointEmbedder.Call c = e.call(3, 7, "page-1-items", texts);
            assertFalse(c.replayed());
            live = c.vectors();
            recorded = c.record();
            assertEquals(1, requests.get());
            assertEquals(List.of(3, 7L, "page-1-items", "tiny-embed", 1), List.of(recorded.round(), recorded.user(),
                    recorded.purpose(), recorded.model(), recorded.attempts()));
            assertTrue(recorded.responseJson().contains("\"embedding\""), recorded.responseJson());
            assertEquals("{\"encoding_format\":\"float\",\"input\":[\"abba\",\"cafe\",\"hedge\"],"
                    + "\"model\":\"tiny-embed\"}", recorded.requestJson(), "the body, its keys sorted");
            assertEquals(LlmClient.sha256(recorded.requestJson().getBytes(
                    StandardCharsets.UTF_8)), recorded.key());
            assertEquals(3, recorded.promptTokens());
            assertFalse(recorded.requestJson().contains(KEY) || recorded.responseJson().contains(KEY));
            // The same texts again within the run: answered from what was just recorded.
            assertTrue(e.call(3, 7, "again", texts).replayed());
            assertEquals(1, requests.get());
        }
        assertTrue(Files.readString(dir.resolve("live.jsonl")).contains("\"purpose\":\"page-1-items\""));
        try (JsonlCallCache cache = JsonlCallCache.open(dir, "replay")) {
            EndpointEmbedder replay = new EndpointEmbedder(config().withCache(dir, LlmConfig.CacheMode.REPLAY),
                    "tiny-embed", Map.of("EMBED_KEY", KEY)::get, cache, null);
            EndpointEmbedder.Call c = replay.call(3, 7, "page-1-items", texts);
            assertTrue(c.replayed());
            assertEquals(recorded, c.record());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(live[i], c.vectors()[i], texts.get(i));
            }
            assertEquals(8, replay.dims(), "the length came from the recorded answer");
            LlmReplayMissException miss = assertThrows(LlmReplayMissException.class,
                    () -> replay.call(4, 7, "page-2-memories", List.of("abba", "cafe")));
            assertTrue(miss.getMessage().contains("no recorded embedding call for round 4, purpose "
                    + "'page-2-memories' (2 texts"), miss.getMessage());
            assertEquals(1, requests.get(), "a replay sends nothing, not even for a miss");
        }
    }

    @Test
    void aRetriedCallIsRecordedWithItsAttemptsAndLog(@TempDir Path dir) throws IOException {
        busyLeft.set(1);
        try (JsonlCallCache cache = JsonlCallCache.open(dir, "live")) {
            EndpointEmbedder e = new EndpointEmbedder(config(), "tiny-embed", Map.of("EMBED_KEY", KEY)::get, null,
                    cache);
            LlmCallRecord r = e.call(0, 0, "p", List.of("busy")).record();
            assertEquals(2, r.attempts());
            assertTrue(r.log().startsWith("attempt 1 HTTP 429") && r.log().contains("retry 1 of 2"), r.log());
        }
    }
}
