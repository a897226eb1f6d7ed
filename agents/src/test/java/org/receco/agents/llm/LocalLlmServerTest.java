package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the tiny random model served through llama.cpp by {@link LocalLlmServer#main} in a child JVM
 * (llama.cpp's native threads keep a JVM alive after the model is closed, so the server gets its own process,
 * which ends explicitly), on a free loopback port, asked by {@link LlmClient}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalLlmServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
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
        });
        endpoint = line.get(60, TimeUnit.SECONDS);
        assertTrue(endpoint != null, "the server printed no URL (exit " + (server.isAlive() ? "-" : server.exitValue())
                + ")");
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
    void listsTheModel() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint
                + "/models")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("tiny", body.path("data").path(0).path("id").asText(), r.body());
    }

    @Test
    void theSchemaConstrainsEvenARandomModel() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"watch\":{\"type\":\"boolean\"},"
                + "\"rating\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5},\"feeling\":{\"enum\":[\"glad\","
                + "\"bored\",\"annoyed\"]}},\"required\":[\"watch\",\"rating\",\"feeling\"]}");
        JsonNode fallback = JSON.readTree("{\"watch\":false,\"rating\":1,\"feeling\":\"bored\"}");
        List<LlmRequest> rs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rs.add(new LlmRequest(0, i, "rate", List.of(ChatMessage.system("You are user " + i + "."),
                    ChatMessage.user("Rate the movie 'Heat' (item " + i + ").")), schema, fallback, (long) i));
        }
        LlmConfig cfg = LlmConfig.of(endpoint, "tiny").withConcurrency(8).withSampling(0.8, 200, 3)
                .withRetries(Duration.ofSeconds(60), 1, Duration.ofMillis(50), Duration.ofSeconds(1));
        List<LlmResult> results = new LlmClient(cfg, null, null).batch(rs);
        for (int i = 0; i < rs.size(); i++) {
            LlmResult r = results.get(i);
            assertEquals(i, r.record().user(), "submission order");
            assertEquals(CallStatus.OK, r.record().status(), r.record().log());
            assertEquals(List.of(), JsonSchemaCheck.problems(schema, r.decision()));
            assertTrue(r.record().promptTokens() > 0 && r.record().completionTokens() > 0);
            assertTrue(r.record().responseJson().contains("\"model\":\"tiny\""));
        }
        // llama.cpp's own schema field gives schema-valid answers too.
        LlmResult own = new LlmClient(cfg.withSchemaFields(LlmConfig.SchemaFields.JSON_SCHEMA), null, null)
                .batch(rs.subList(0, 2)).get(1);
        assertEquals(CallStatus.OK, own.record().status(), own.record().log());
        assertEquals(List.of(), JsonSchemaCheck.problems(schema, own.decision()));
    }
}
