package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.agents.llm.FaultInjectingLlmServer.Fault;
import org.receco.agents.llm.FaultInjectingLlmServer.Faults;
import org.receco.agents.llm.memory.Embedder;
import org.receco.agents.llm.memory.EndpointEmbedder;

/** The fault-injecting server over real HTTP: its spec, its seeded faults, each fault's bytes, its counts. */
class FaultInjectingLlmServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"properties\":{\"choice\":{\"enum\":[\"a\",\"b\"]},\"rating\":{\"type\":\"integer\",\"minimum\":1,"
            + "\"maximum\":5},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":2},"
            + "\"minItems\":1}},\"required\":[\"choice\",\"rating\",\"tags\"]}";

    private static String body(String user) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"d\",\"schema\":"
                + SCHEMA + "}}}";
    }

    private static HttpResponse<String> post(FaultInjectingLlmServer s, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUri() + "/chat/completions"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode content(HttpResponse<String> r) throws IOException {
        return JSON.readTree(JSON.readTree(r.body()).path("choices").path(0).path("message").path("content")
                .asText());
    }

    @Test
    void aSpecSetsRatesAndSettingsAndABadOneSaysWhatIsAllowed() {
        Faults f = Faults.parse("timeout=0.02, 429=0.05,429-date=0.01,reset=0.1,seed=7,retry-after=2,"
                + "timeout-ms=900,latency-ms=3");
        assertEquals(0.02, f.rates().get(Fault.TIMEOUT));
        assertEquals(0.1, f.rates().get(Fault.RESET));
        assertNull(f.rates().get(Fault.HTTP_500));
        assertEquals(7, f.seed());
        assertEquals(2, f.retryAfterSeconds());
        assertEquals(900, f.timeoutMs());
        assertEquals(3, f.latencyMs());
        assertEquals(Fault.values().length, Faults.parse("all=0.01").rates().size());
        assertTrue(Faults.parse("").rates().isEmpty());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Faults.parse("timout=0.1"));
        assertTrue(unknown.getMessage().contains("unknown key 'timout'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("timeout, 429, 429-date, 500, 502, 503, truncated, not-json, "
                + "wrong-schema, reset, all"), unknown.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("500=2")).getMessage()
                .contains("500=2.0 must be in [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("all=0.2")).getMessage()
                .contains("add up to"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("seed=x")).getMessage()
                .contains("'seed' needs a number, got 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Faults.parse("reset")).getMessage()
                .contains("is not KEY=VALUE"));
    }

    @Test
    void answersWithoutFaultsAreSchemaInstancesAndTheScriptedHookAnswersFromThePrompt() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(Faults.none())) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = post(s, body("u" + i));
                assertEquals(200, r.statusCode());
                assertEquals(List.of(), JsonSchemaCheck.problems(schema, content(r)), r.body());
                assertTrue(JSON.readTree(r.body()).path("usage").path("prompt_tokens").asInt() > 0);
            }
            assertEquals(20, s.requests());
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUri() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(21, s.requests());
        }
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(Faults.none(), req -> {
            ObjectNode a = JSON.createObjectNode();
            a.put("echo", req.path("messages").path(0).path("content").asText());
            return a;
        }, 0)) {
            assertEquals("hello", content(post(s, body("hello"))).path("echo").asText());
        }
    }

    @Test
    void faultsFollowTheirRatesOverSeveralSeeds() throws Exception {
        // 400 distinct requests a seed, each fault at 0.05: 20 expected, binomial sd 4.4; over 3 seeds 60
        // expected, sd 7.5, so [30, 95] is more than 4 sd either side: a wrong rate (or none) fails it, chance won't.
        int n = 400;
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        int clean = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Faults f = Faults.all(0.05, seed).withTiming(1, 0, 0);
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(f)) {
                for (int i = 0; i < n; i++) {
                    try {
                        post(s, body("s" + seed + "-" + i));
                    } catch (IOException e) {
                        // truncated and reset: the connection is dropped.
                    }
                }
                for (FaultInjectingLlmServer.Received r : s.received()) {
                    if (r.fault() == null) {
                        clean++;
                    } else {
                        counts.merge(r.fault(), 1, Integer::sum);
                    }
                }
                assertEquals(n, s.requests());
            }
        }
        for (Fault f : Fault.values()) {
            int c = counts.getOrDefault(f, 0);
            assertTrue(c >= 30 && c <= 95, f + " met " + c + " of " + 3 * n + " requests at rate 0.05");
        }
        assertTrue(clean >= 3 * n * 0.5 - 60 && clean <= 3 * n * 0.5 + 60, "fault-free: " + clean);
    }

    @Test
    void theFaultOfARequestDependsOnItsBodyAndRepeatNotOnArrivalOrder() throws Exception {
        Faults f = Faults.all(0.06, 11).withTiming(1, 0, 0);
        List<Map<String, List<Fault>>> runs = new ArrayList<>();
        for (boolean reversed : new boolean[] {false, true}) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add("id" + i);
            }
            if (reversed) {
                Collections.reverse(ids);
            }
            Map<String, List<Fault>> seen = new HashMap<>();
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(f)) {
                for (int round = 0; round < 2; round++) {
                    for (String id : ids) {
                        try {
                            post(s, body(id));
                        } catch (IOException e) {
                            // dropped on purpose
                        }
                    }
                }
                for (FaultInjectingLlmServer.Received r : s.received()) {
                    String id = JSON.readTree(r.body()).path("messages").path(0).path("content").asText();
                    seen.computeIfAbsent(id, k -> new ArrayList<>()).add(r.fault());
                }
            }
            runs.add(seen);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).values().stream().anyMatch(l -> l.get(0) != l.get(1)),
                "a repeated body draws its fault afresh");
    }

    /** Each fault's bytes, one server per fault at rate 1. */
    @Test
    void eachFaultLooksAsDocumented() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        Faults base = Faults.none().withTiming(2, 1500, 0);
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(Fault.RATE_LIMIT, 1))) {
            HttpResponse<String> r = post(s, body("x"));
            assertEquals(429, r.statusCode());
            assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow());
            FaultInjectingLlmServer.Received rec = s.received().get(0);
            assertTrue(rec.retryAfterEpochMs() >= rec.receivedEpochMs() + 2000);
        }
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(Fault.RATE_LIMIT_DATE, 1))) {
            HttpResponse<String> r = post(s, body("x"));
            assertEquals(429, r.statusCode());
            ZonedDateTime at = ZonedDateTime.parse(r.headers().firstValue("Retry-After").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME);
            FaultInjectingLlmServer.Received rec = s.received().get(0);
            assertEquals(rec.retryAfterEpochMs(), at.toInstant().toEpochMilli());
            long ahead = rec.retryAfterEpochMs() - rec.receivedEpochMs();
            assertTrue(ahead >= 2000 && ahead <= 3000, "the date is 2 to 3 s ahead: " + ahead);
        }
        for (Fault f : new Fault[] {Fault.HTTP_500, Fault.HTTP_502, Fault.HTTP_503}) {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(f, 1))) {
                assertEquals(Integer.parseInt(f.specName()), post(s, body("x")).statusCode());
            }
        }
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(Fault.NOT_JSON, 1))) {
            HttpResponse<String> r = post(s, body("x"));
            assertEquals(200, r.statusCode());
            assertThrows(IOException.class, () -> JSON.readTree(r.body()));
        }
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(Fault.WRONG_SCHEMA, 1))) {
            HttpResponse<String> r = post(s, body("x"));
            assertEquals(200, r.statusCode());
            assertTrue(!JsonSchemaCheck.problems(schema, content(r)).isEmpty(), r.body());
        }
        for (Fault f : new Fault[] {Fault.TRUNCATED, Fault.RESET}) {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(f, 1))) {
                IOException e = assertThrows(IOException.class, () -> post(s, body("x")));
                assertNotNull(e.getMessage(), f.toString());
                assertEquals(1, s.requests());
            }
        }
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(base.with(Fault.TIMEOUT, 1))) {
            HttpResponse<String> r = post(s, body("x"));
            assertEquals(200, r.statusCode(), "a time-out fault answers, late");
            assertTrue(s.received().get(0).serverNanos() >= 1_500_000_000L);
        }
        assertNull(FaultInjectingLlmServer.violation(JSON.readTree("{}")), "nothing violates the empty schema");
    }

    @Test
    void embeddingsDependOnTheTextAloneAndAreCountedByPath() throws Exception {
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(Faults.all(0.1, 3))) {
            EndpointEmbedder e = new EndpointEmbedder(LlmConfig.of(s.baseUri().toString(), "m"), "bag");
            float[][] a = e.embed(List.of("Storm hits the coast", "a quiet day", "coast storm"));
            float[][] b = e.embed(List.of("coast storm", "Storm hits the coast"));
            assertEquals(FaultInjectingLlmServer.EMBEDDING_DIMS, a[0].length);
            assertArrayEquals(a[0], b[1], "whatever else is in the batch");
            assertArrayEquals(a[2], b[0]);
            double alike = Embedder.dot(a[0], a[2]);
            double apart = Embedder.dot(a[0], a[1]);
            assertTrue(alike > apart, "shared words make texts alike: " + alike + " vs " + apart);
            assertEquals(2, s.requests("/v1/embeddings"), "embeddings meet no fault");
            assertEquals(0, s.requests("/v1/chat/completions"));
            assertEquals(2, s.requests());
        }
    }
}
