package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = read("{\"type\":\"object\",\"properties\":{"
            + "\"choice\":{\"enum\":[\"a\",\"b\",\"c\"]},\"rating\":{\"type\":\"integer\",\"minimum\":1,"
            + "\"maximum\":5}},\"required\":[\"choice\",\"rating\"]}");
    private static final JsonNode FALLBACK = read("{\"choice\":\"a\",\"rating\":3,\"fallback\":true}");
    private static final String[] FAULTS = {"timeout", "429", "500", "truncated", "not-json", "wrong-schema"};

    @TempDir
    Path dir;

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LlmRequest> requests(int n) {
        List<LlmRequest> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new LlmRequest(1, i, "page-choice", List.of(ChatMessage.system("You pick items."),
                    ChatMessage.user("req-" + i)), SCHEMA, FALLBACK));
        }
        return rs;
    }

    /** The valid answer the scripted servers give to an id: a function of the id alone. */
    private static String answer(String id) {
        int h = Math.floorMod(id.hashCode(), 15);
        return "{\"choice\":\"" + "abc".charAt(h % 3) + "\",\"rating\":" + (1 + h / 3) + ",\"id\":\"" + id + "\"}";
    }

    private static ChatTestServer.Reply fault(String kind, String id) {
        return switch (kind) {
            // Well past the client's time-out, which is well past a loaded machine's slowest honest answer.
            case "timeout" -> new ChatTestServer.Reply(200, Map.of(), ChatTestServer.completion(answer(id)), false,
                    4000, kind);
            case "429" -> new ChatTestServer.Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"slow down\"}",
                    false, 0, kind);
            case "500" -> new ChatTestServer.Reply(500, Map.of(), "{\"error\":\"boom\"}", false, 0, kind);
            case "truncated" -> new ChatTestServer.Reply(200, Map.of(), ChatTestServer.completion(answer(id)), true,
                    0, kind);
            case "not-json" -> new ChatTestServer.Reply(200, Map.of(), "<html>bad gateway</html>", false, 0, kind);
            case "wrong-schema" -> new ChatTestServer.Reply(200, Map.of(),
                    ChatTestServer.completion("{\"choice\":\"z\",\"rating\":9}"), false, 0, kind);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Each of the six faults at {@code rate}, drawn from a generator seeded by the id and the attempt. */
    private static ChatTestServer.Script faulty(double rate, boolean withTimeouts) {
        return (id, seen, req, auth) -> {
            double u = new SplittableRandom(id.hashCode() * 1_000_003L + seen).nextDouble();
            int k = (int) (u / rate);
            if (k < FAULTS.length && (withTimeouts || !FAULTS[k].equals("timeout"))) {
                return fault(FAULTS[k], id);
            }
            return ChatTestServer.Reply.content(answer(id));
        };
    }

    private LlmConfig config(ChatTestServer s, int concurrency) {
        return LlmConfig.of(s.endpoint(), "scripted").withConcurrency(concurrency)
                .withRetries(Duration.ofMillis(1500), 3, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static String logWord(String fault) {
        return switch (fault) {
            case "timeout" -> "timed out";
            case "429" -> "HTTP 429";
            case "500" -> "HTTP 500";
            case "truncated" -> "failed: IOException";
            case "not-json" -> "unreadable response";
            case "wrong-schema" -> "invalid answer";
            default -> throw new IllegalArgumentException(fault);
        };
    }

    @Test
    void everyFaultRetryAndFallbackIsRecordedAndNothingEscapesTheBatch() throws Exception {
        try (ChatTestServer s = new ChatTestServer(faulty(0.07, true))) {
            LlmClient client = new LlmClient(config(s, 8), null, null);
            List<LlmRequest> rs = requests(48);
            List<LlmResult> results = client.batch(rs);
            assertEquals(48, results.size());
            Map<String, Integer> injected = new HashMap<>();
            int fallbacks = 0;
            for (int i = 0; i < rs.size(); i++) {
                String id = "req-" + i;
                LlmResult r = results.get(i);
                LlmCallRecord rec = r.record();
                assertEquals(i, rec.user(), "submission order");
                assertEquals(s.seen(id), rec.attempts(), id + ": every request the server saw is an attempt");
                List<String> faults = s.faults(id);
                String log = rec.log();
                int at = 0;
                for (String f : faults) {
                    injected.merge(f, 1, Integer::sum);
                    int found = log.indexOf(logWord(f), at);
                    assertTrue(found >= 0, id + ": fault " + f + " missing from, or out of order in, log:\n" + log);
                    at = found + 1;
                }
                if (rec.status() == CallStatus.FALLBACK) {
                    fallbacks++;
                    assertEquals(FALLBACK, r.decision());
                    assertTrue(log.contains("fallback decision"), log);
                } else {
                    assertTrue(JsonSchemaCheck.problems(SCHEMA, r.decision()).isEmpty());
                    assertEquals(read(answer(id)), r.decision(), id);
                    assertEquals(rec.status() == CallStatus.REPAIRED, faults.contains("wrong-schema"), id);
                }
                if (faults.isEmpty()) {
                    assertEquals(CallStatus.OK, rec.status());
                    assertEquals("", log);
                }
            }
            for (String f : FAULTS) {
                assertTrue(injected.getOrDefault(f, 0) > 0, "the seeded server injected no " + f + ": " + injected);
            }
            assertEquals(fallbacks, client.counters().failures());
            assertEquals(48, client.counters().done());
            assertEquals(0, client.counters().inFlight());
            assertEquals(s.requests(), client.counters().httpRequests());
        }
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() throws Exception {
        ChatTestServer.Script once429 = (id, seen, req, auth) -> seen == 0 ? fault("429", id)
                : ChatTestServer.Reply.content(answer(id));
        try (ChatTestServer s = new ChatTestServer(once429)) {
            LlmConfig honour = LlmConfig.of(s.endpoint(), "m").withRetries(Duration.ofSeconds(5), 2,
                    Duration.ofMillis(5), Duration.ofSeconds(2));
            LlmResult r = new LlmClient(honour, null, null).batch(requests(1)).get(0);
            assertEquals(CallStatus.OK, r.record().status());
            assertEquals(2, r.record().attempts());
            assertTrue(r.record().log().contains("HTTP 429 (Retry-After 1)"), r.record().log());
            assertTrue(r.record().log().contains("in 1000 ms (Retry-After)"), r.record().log());

            LlmConfig capped = honour.withRetries(Duration.ofSeconds(5), 2, Duration.ofMillis(5),
                    Duration.ofMillis(30));
            LlmResult c = new LlmClient(capped, null, null).batch(List.of(requests(2).get(1))).get(0);
            assertTrue(c.record().log().contains("in 30 ms (Retry-After capped at 30 ms)"), c.record().log());
        }
    }

    @Test
    void aBodyThatStallsAfterItsHeadersTimesOut() throws Exception {
        // Headers and half a body, then silence: the request time-out alone would wait for the body forever.
        ChatTestServer.Script stall = (id, seen, req, auth) -> seen == 0
                ? new ChatTestServer.Reply(200, Map.of(), ChatTestServer.completion(answer(id)), true, 0, "stall")
                        .stallingFor(4000)
                : ChatTestServer.Reply.content(answer(id));
        try (ChatTestServer s = new ChatTestServer(stall)) {
            LlmResult r = new LlmClient(config(s, 2), null, null).batch(requests(1)).get(0);
            assertTrue(r.record().log().startsWith("attempt 1 timed out after 1500 ms; retry 1"), r.record().log());
            assertEquals(CallStatus.OK, r.record().status());
            assertEquals(read(answer("req-0")), r.decision());
        }
    }

    @Test
    void budgetStopsTheRunCleanlyAndSaysSo() throws Exception {
        try (ChatTestServer s = new ChatTestServer(faulty(0.07, false));
                JsonlCallCache cache = JsonlCallCache.open(dir, "run")) {
            LlmClient client = new LlmClient(config(s, 4).withBudget(10, 0), null, cache);
            LlmBudgetExceededException e = assertThrows(LlmBudgetExceededException.class,
                    () -> client.batch(requests(20)));
            assertTrue(e.getMessage().contains("llm budget spent"), e.getMessage());
            assertTrue(e.getMessage().contains("limit 10"), e.getMessage());
            assertTrue(e.getMessage().contains("of 20 requests of this batch unanswered"), e.getMessage());
            assertTrue(s.requests() <= 10, "sent " + s.requests());
            assertEquals(10, client.counters().httpRequests());
            assertEquals(0, client.counters().inFlight());
            assertTrue(cache.size() > 0 && cache.size() < 20, "answered calls are recorded: " + cache.size());
            assertThrows(LlmBudgetExceededException.class, () -> client.batch(requests(1)));
            assertTrue(s.requests() <= 10);

            LlmClient tokens = new LlmClient(config(s, 1).withBudget(0, 30), null, null);
            LlmBudgetExceededException t = assertThrows(LlmBudgetExceededException.class,
                    () -> tokens.batch(requests(5)));
            assertTrue(t.getMessage().contains("tokens (limit 30)"), t.getMessage());
        }
    }

    @Test
    void replayAnswersFromRecordsWithoutAnyRequest() throws Exception {
        try (ChatTestServer s = new ChatTestServer(faulty(0.07, false))) {
            List<LlmResult> live;
            try (JsonlCallCache cache = JsonlCallCache.open(dir, "run-1")) {
                live = new LlmClient(config(s, 8).withCache(dir, LlmConfig.CacheMode.RECORD), cache, cache)
                        .batch(requests(24));
            }
            int sent = s.requests();
            assertTrue(sent >= 24);
            try (JsonlCallCache cache = JsonlCallCache.open(dir, "run-2")) {
                LlmClient replay = new LlmClient(config(s, 8).withCache(dir, LlmConfig.CacheMode.REPLAY), cache,
                        cache);
                List<LlmResult> again = replay.batch(requests(24));
                assertEquals(sent, s.requests(), "replay sent requests");
                for (int i = 0; i < live.size(); i++) {
                    assertEquals(live.get(i).decision(), again.get(i).decision());
                    assertEquals(live.get(i).record(), again.get(i).record());
                    assertTrue(again.get(i).replayed());
                }
                assertEquals(24, replay.counters().replayed());
                assertFalse(Files.exists(cache.file()), "a replay records nothing new");

                List<LlmRequest> unseen = List.of(new LlmRequest(2, 99, "page-choice",
                        List.of(ChatMessage.user("never asked")), SCHEMA, FALLBACK));
                LlmReplayMissException miss = assertThrows(LlmReplayMissException.class,
                        () -> replay.batch(unseen));
                assertTrue(miss.getMessage().contains("no recorded call for round 2, user 99"), miss.getMessage());
                assertEquals(sent, s.requests());
            }
        }
    }

    @Test
    void theApiKeyIsSentButNeverWrittenOrThrown() throws Exception {
        String key = "sk-test-7Hq2Zp9Lw4Xv";
        // A server that echoes the key back in errors and answers, as some providers do.
        ChatTestServer.Script echo = (id, seen, req, auth) -> switch (seen) {
            case 0 -> new ChatTestServer.Reply(500, Map.of(), "{\"error\":\"bad key " + auth + "\"}", false, 0, "500");
            case 1 -> ChatTestServer.Reply.content("{\"choice\":\"" + auth + "\"}");
            default -> id.endsWith("3")
                    ? new ChatTestServer.Reply(401, Map.of(), "{\"error\":\"" + auth + "\"}", false, 0, "401")
                    : ChatTestServer.Reply.content(answer(id).replace("}", ",\"echo\":\"" + auth + "\"}"));
        };
        try (ChatTestServer s = new ChatTestServer(echo)) {
            List<String> texts = new ArrayList<>();
            Path cacheFile;
            LlmConfig cfg = config(s, 4).withApiKeyEnv("RECECO_TEST_KEY").withBudget(30, 0);
            try (JsonlCallCache cache = JsonlCallCache.open(dir, "keyed")) {
                LlmClient client = new LlmClient(cfg, null, cache, Map.of("RECECO_TEST_KEY", key)::get);
                List<LlmRequest> rs = requests(14);
                try {
                    for (LlmResult r : client.batch(rs.subList(0, 4))) {
                        texts.add(r.toString());
                    }
                    client.batch(rs.subList(4, rs.size()));
                } catch (LlmBudgetExceededException e) {
                    texts.add(e.getMessage());
                }
                rs.forEach(r -> texts.add(r.toString()));
                texts.add(client.toString());
                texts.add(client.counters().toString());
                texts.add(cfg.toString());
                cacheFile = cache.file();
            }
            assertTrue(s.authorizations().contains("Bearer " + key), "the key was not sent");
            String written = new String(Files.readAllBytes(cacheFile), StandardCharsets.UTF_8);
            assertTrue(written.contains("[api key]"), "the echoes were recorded, redacted");
            texts.add(written);
            for (String t : texts) {
                int at = t.indexOf(key.substring(3));
                if (at >= 0) {
                    fail("the key leaked: ..." + t.substring(Math.max(0, at - 80), at) + "...");
                }
            }
        }
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class, () -> new LlmClient(
                LlmConfig.of("http://127.0.0.1:1/v1", "m").withApiKeyEnv("NOT_SET_HERE"), null, null,
                Map.<String, String>of()::get));
        assertTrue(unset.getMessage().contains("NOT_SET_HERE is not set"), unset.getMessage());
    }

    @Test
    void decisionsDoNotDependOnConcurrency() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int concurrency : new int[] {1, 8}) {
            try (ChatTestServer s = new ChatTestServer(faulty(0.08, false))) {
                List<String> seen = new ArrayList<>();
                for (LlmResult r : new LlmClient(config(s, concurrency), null, null).batch(requests(32))) {
                    LlmCallRecord rec = r.record();
                    seen.add(rec.decisionJson() + " " + rec.status() + " " + rec.attempts() + " " + rec.key() + " "
                            + rec.log());
                }
                runs.add(seen);
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).stream().anyMatch(s -> s.contains("retry")), "the script injected no faults");
    }

    /**
     * Where each setting puts the schema, read back as llama.cpp's server reads it (its chat parser takes
     * {@code response_format.json_schema.schema} for type json_schema, else its own top-level {@code json_schema};
     * {@link LocalLlmServer#schemaOf} follows it) and as OpenAI's structured outputs want it (a name of letters,
     * digits, '_' and '-'; {@code strict} only for a closed schema with every property required).
     */
    @Test
    void theSchemaIsSentWhereLlamaCppAndOpenAiReadIt() throws Exception {
        JsonNode closed = read("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                + "\"pick\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}}},\"required\":[\"pick\"]}");
        try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(FaultInjectingLlmServer.Faults.none())) {
            for (LlmConfig.SchemaFields fields : LlmConfig.SchemaFields.values()) {
                for (JsonNode schema : List.of(SCHEMA, closed)) {
                    int before = s.requests();
                    LlmConfig c = LlmConfig.of(s.baseUri().toString(), "m").withSchemaFields(fields);
                    new LlmClient(c, null, null).batch(List.of(new LlmRequest(0, 0, "p",
                            List.of(ChatMessage.user(fields + " " + schema.size())), schema, FALLBACK)));
                    JsonNode body = read(s.received().get(before).body());
                    assertEquals(schema, LocalLlmServer.schemaOf(body), fields + ": the schema llama.cpp reads");
                    JsonNode rf = body.path("response_format");
                    assertEquals(fields != LlmConfig.SchemaFields.JSON_SCHEMA, !rf.isMissingNode(), fields.name());
                    assertEquals(fields != LlmConfig.SchemaFields.RESPONSE_FORMAT, body.has("json_schema"),
                            fields.name());
                    if (!rf.isMissingNode()) {
                        assertEquals("json_schema", rf.path("type").asText());
                        assertTrue(rf.path("json_schema").path("name").asText().matches("[A-Za-z0-9_-]{1,64}"));
                        assertEquals(schema, rf.path("json_schema").path("schema"));
                        assertEquals(schema == closed, rf.path("json_schema").path("strict").asBoolean(),
                                "strict only for a schema strict mode accepts");
                    }
                    assertFalse(body.path("stream").asBoolean());
                }
            }
        }
        assertTrue(LlmClient.isStrictSchema(closed));
        assertFalse(LlmClient.isStrictSchema(SCHEMA), "not closed");
        assertFalse(LlmClient.isStrictSchema(read("{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{},\"b\":{}},\"required\":[\"a\"]}")), "b is optional");
    }

    @Test
    void aCodeFenceAroundTheAnswerIsNotAFault() throws Exception {
        assertEquals("{\"a\":1}", LlmClient.withoutFence("```json\n{\"a\":1}```").strip());
        assertEquals("{\"a\":1}\n", LlmClient.withoutFence(" ```\n{\"a\":1}\n```\n"));
        assertEquals("{\"a\":1}", LlmClient.withoutFence("{\"a\":1}"));
        assertEquals("```", LlmClient.withoutFence("```"));
        ChatTestServer.Script fenced = (id, seen, req, auth) -> ChatTestServer.Reply.content("```json\n"
                + answer(id) + "\n```");
        try (ChatTestServer s = new ChatTestServer(fenced)) {
            LlmResult r = new LlmClient(config(s, 2), null, null).batch(requests(1)).get(0);
            assertEquals(CallStatus.OK, r.record().status(), r.record().log());
            assertEquals(read(answer("req-0")), r.decision());
            assertEquals(1, s.requests());
        }
    }

    @Test
    void theKeyCoversModelMessagesParametersAndSeed() {
        LlmConfig c = LlmConfig.of("http://127.0.0.1:1/v1", "m");
        LlmRequest r = requests(2).get(0);
        String k = new LlmClient(c, null, null).key(r);
        assertEquals(64, k.length());
        assertEquals(k, new LlmClient(c, null, null).key(requests(2).get(0)));
        assertNotEquals(k, new LlmClient(c, null, null).key(requests(2).get(1)));
        assertNotEquals(k, new LlmClient(LlmConfig.of("http://127.0.0.1:1/v1", "other"), null, null).key(r));
        assertNotEquals(k, new LlmClient(c.withSampling(0.1, 256, 1), null, null).key(r));
        assertNotEquals(k, new LlmClient(c.withSampling(0.7, 256, 2), null, null).key(r));
        assertNotEquals(k, new LlmClient(c, null, null).key(new LlmRequest(1, 0, "page-choice", r.messages(),
                SCHEMA, FALLBACK, 7L)));
        // Who asks and why is not part of the request, so equal requests of two users share a record.
        assertEquals(k, new LlmClient(c, null, null).key(new LlmRequest(5, 42, "other", r.messages(), SCHEMA,
                FALLBACK)));
    }

    /**
     * The body written field by field is byte for byte what sorting the whole request through a Jackson tree
     * gives (the definition of the key, which recorded runs rely on), in every schema-field mode, for texts that
     * need escaping, a repair conversation and a second schema object, and again once the schema text is cached.
     */
    @Test
    void theStreamedBodyIsTheKeySortedRequest() throws Exception {
        ObjectMapper sorted = new ObjectMapper().configure(
                com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        JsonNode strict = read("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                + "\"z\":{\"type\":\"number\",\"minimum\":0.5},\"a\":{\"type\":\"string\"}},"
                + "\"required\":[\"z\",\"a\"]}");
        List<ChatMessage> chat = List.of(ChatMessage.system("Persona: \"quoted\", tab\t, ünïcode \u2603, \\ and \u0001"),
                ChatMessage.user("Round 3.\nItems:\n1. \"x\"</script> \uD83D\uDE00 lone \uD800 end"), ChatMessage.assistant("{\"choice\":1}"),
                ChatMessage.user("Your reply was not valid."));
        for (LlmConfig.SchemaFields fields : LlmConfig.SchemaFields.values()) {
            LlmConfig c = LlmConfig.of("http://127.0.0.1:1/v1", "m/\"q\"").withSampling(0.35, 777, 12345678901L)
                    .withSchemaFields(fields);
            LlmClient client = new LlmClient(c, null, null);
            for (JsonNode schema : List.of(SCHEMA, strict, SCHEMA)) {
                for (Long seed : java.util.Arrays.asList(null, 99L)) {
                    LlmRequest r = new LlmRequest(2, 7, "page-1", chat, schema, FALLBACK, seed);
                    com.fasterxml.jackson.databind.node.ObjectNode b = JSON.createObjectNode();
                    b.put("model", c.model());
                    com.fasterxml.jackson.databind.node.ArrayNode ms = b.putArray("messages");
                    chat.forEach(m -> ms.addObject().put("role", m.role()).put("content", m.content()));
                    b.put("temperature", c.temperature()).put("max_tokens", c.maxTokens())
                            .put("seed", seed != null ? seed : c.seed()).put("stream", false);
                    if (fields != LlmConfig.SchemaFields.JSON_SCHEMA) {
                        com.fasterxml.jackson.databind.node.ObjectNode js = b.putObject("response_format")
                                .put("type", "json_schema").putObject("json_schema");
                        js.put("name", "decision").put("strict", LlmClient.isStrictSchema(schema)).set("schema",
                                schema);
                    }
                    if (fields != LlmConfig.SchemaFields.RESPONSE_FORMAT) {
                        b.set("json_schema", schema);
                    }
                    String expected = sorted.writeValueAsString(sorted.treeToValue(b, Object.class));
                    assertEquals(expected, client.body(r, chat), fields + " " + schema);
                    assertEquals(LlmClient.sha256(expected), client.key(r), "the key: SHA-256 of that body");
                    LlmRequest plain = new LlmRequest(2, 7, "page-1", List.of(ChatMessage.system("\u00e9t\u00e9 \uD83D\uDE00"),
                            ChatMessage.user("x")), schema, FALLBACK, seed);
                    assertEquals(LlmClient.sha256(client.body(plain, plain.messages())), client.key(plain));
                }
            }
        }
    }
}
