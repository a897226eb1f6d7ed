package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer.Fault;
import org.receco.agents.llm.FaultInjectingLlmServer.Faults;
import org.receco.agents.llm.FaultInjectingLlmServer.Received;

/**
 * {@link LlmClient} against {@link FaultInjectingLlmServer} over real HTTP: under every fault a batch ends (a
 * generous hang guard, not a speed claim) with every fault, retry, repair and fallback in the records;
 * {@code Retry-After} is waited out by the server's clock; the back-off's jitter is seeded; the budget stops
 * cleanly; 64 requests in flight finish in any order and come back in submission order; replay sends nothing.
 */
class LlmClientRobustnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = read("{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"properties\":{\"choice\":{\"enum\":[\"a\",\"b\",\"c\"]},\"rating\":{\"type\":\"integer\","
            + "\"minimum\":1,\"maximum\":5}},\"required\":[\"choice\",\"rating\"]}");
    private static final JsonNode FALLBACK = read("{\"choice\":\"a\",\"rating\":3}");
    private static final Duration HANG_GUARD = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LlmRequest> requests(String tag, int n) {
        List<LlmRequest> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new LlmRequest(1, i, "page-choice", List.of(ChatMessage.system("You pick items."),
                    ChatMessage.user(tag + "-" + i)), SCHEMA, FALLBACK));
        }
        return rs;
    }

    /** The user message of a request body: the test's id of the call. */
    private static String id(String body) {
        for (JsonNode m : read(body).path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    private static LlmConfig config(FaultInjectingLlmServer s, int concurrency, Duration timeout, int retries) {
        return LlmConfig.of(s.baseUri().toString(), "faulty").withConcurrency(concurrency)
                .withRetries(timeout, retries, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    /** The words the client's log uses for each fault. */
    private static final Map<Fault, String> LOG_WORDS = Map.of(
            Fault.TIMEOUT, " timed out after ",
            Fault.RATE_LIMIT, " HTTP 429 (Retry-After 1)",
            Fault.RATE_LIMIT_DATE, " HTTP 429 (Retry-After ",
            Fault.HTTP_500, " HTTP 500",
            Fault.HTTP_502, " HTTP 502",
            Fault.HTTP_503, " HTTP 503",
            Fault.NOT_JSON, " unreadable response",
            Fault.WRONG_SCHEMA, " invalid answer");

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void underEveryFaultABatchEndsWithEveryFaultRetryRepairAndFallbackRecorded() {
        // The client's 4 s time-out is far past the slowest honest answer seen here at a load average of 27 on
        // 2 cores (under 1 s), so every time-out in the logs is an injected one.
        Faults faults = Faults.all(0.06, 3).withTiming(1, 8000, 0);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                LlmClient client = new LlmClient(config(s, 16, Duration.ofMillis(4000), 3), null, null);
                List<LlmRequest> rs = requests("all", 80);
                List<LlmResult> results = client.batch(rs);
                assertEquals(rs.size(), results.size());
                List<Received> received = s.received();
                StringBuilder logs = new StringBuilder();
                int attempts = 0;
                int fallbacks = 0;
                for (int i = 0; i < rs.size(); i++) {
                    LlmCallRecord rec = results.get(i).record();
                    assertEquals(i, rec.user(), "submission order");
                    attempts += rec.attempts();
                    logs.append(rec.log()).append('\n');
                    // The faults the first body met, in order, are in the log in that order.
                    int at = 0;
                    for (Received r : received) {
                        if (r.bodyKey().equals(rec.key()) && r.fault() != null && LOG_WORDS.containsKey(r.fault())) {
                            int found = rec.log().indexOf(LOG_WORDS.get(r.fault()), at);
                            assertTrue(found >= 0, "call " + i + ": " + r.fault() + " missing or out of order:\n"
                                    + rec.log());
                            at = found + 1;
                        }
                    }
                    if (rec.log().contains(" timed out after ")) {
                        assertTrue(rec.latencyMs() >= 4000, "a timed-out call took its time-out: " + rec.latencyMs());
                    }
                    switch (rec.status()) {
                        case FALLBACK -> {
                            fallbacks++;
                            assertEquals(FALLBACK, results.get(i).decision());
                            assertTrue(rec.log().contains("fallback decision: "), rec.log());
                        }
                        case REPAIRED -> {
                            assertTrue(rec.log().contains("asks for a repair"), rec.log());
                            assertEquals(List.of(), JsonSchemaCheck.problems(SCHEMA, results.get(i).decision()));
                        }
                        case OK -> {
                            assertEquals(List.of(), JsonSchemaCheck.problems(SCHEMA, results.get(i).decision()));
                            assertTrue(!rec.log().contains("invalid answer"), rec.log());
                        }
                        default -> throw new AssertionError(rec.status());
                    }
                    if (rec.status() == CallStatus.OK && rec.attempts() == 1) {
                        assertEquals("", rec.log());
                    }
                }
                assertEquals(s.requests(), attempts, "every request the server saw is an attempt of a record");
                String all = logs.toString();
                for (Map.Entry<Fault, String> w : LOG_WORDS.entrySet()) {
                    long injected = w.getKey() == Fault.RATE_LIMIT_DATE
                            ? s.count(Fault.RATE_LIMIT) + s.count(Fault.RATE_LIMIT_DATE) : s.count(w.getKey());
                    assertTrue(injected > 0 || w.getKey() == Fault.TIMEOUT, "the server injected no " + w.getKey());
                    assertEquals(injected, occurrences(all, w.getValue()), w.getKey() + " in the logs");
                }
                // Cut bodies and dropped connections are I/O failures to the client.
                assertEquals(s.count(Fault.TRUNCATED) + s.count(Fault.RESET), occurrences(all, " failed: "), all);
                assertTrue(s.count(Fault.TRUNCATED) > 0 && s.count(Fault.RESET) > 0);
                assertEquals(fallbacks, client.counters().failures());
                assertEquals(rs.size(), client.counters().done());
                assertEquals(0, client.counters().inFlight());
                assertEquals(0, client.counters().httpInFlight());
                assertEquals(s.requests(), client.counters().httpRequests());
            }
        });
    }

    @Test
    void aTimeOutIsBoundedByTheClientsTimeOutAndRetryBudget() {
        Faults faults = Faults.none().with(Fault.TIMEOUT, 1).withTiming(1, 30_000, 0);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                LlmResult r = new LlmClient(config(s, 4, Duration.ofMillis(400), 1), null, null)
                        .batch(requests("slow", 3)).get(1);
                assertEquals(CallStatus.FALLBACK, r.record().status());
                assertEquals(2, r.record().attempts());
                assertEquals(2, occurrences(r.record().log(), "timed out after 400 ms"), r.record().log());
                assertTrue(r.record().log().endsWith("fallback decision: gave up after 2 tries of one request"),
                        r.record().log());
                assertTrue(r.record().latencyMs() >= 800, "two time-outs: " + r.record().latencyMs());
            }
        });
    }

    /** Retry-After, both forms, against the server's clock: the retry arrives no earlier than it allows. */
    @Test
    void retryAfterIsWaitedOutByTheServersClock() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (Fault f : new Fault[] {Fault.RATE_LIMIT, Fault.RATE_LIMIT_DATE}) {
                Faults faults = Faults.none().with(f, 1).withTiming(1, 0, 0);
                try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                    LlmConfig c = LlmConfig.of(s.baseUri().toString(), "m").withRetries(Duration.ofSeconds(10), 2,
                            Duration.ofMillis(1), Duration.ofSeconds(5));
                    LlmResult r = new LlmClient(c, null, null).batch(requests("rl", 1)).get(0);
                    assertEquals(CallStatus.FALLBACK, r.record().status());
                    assertEquals(3, r.record().attempts());
                    assertEquals(2, occurrences(r.record().log(), "(Retry-After)"), r.record().log());
                    List<Received> got = s.received();
                    assertEquals(3, got.size());
                    for (int i = 1; i < got.size(); i++) {
                        Received before = got.get(i - 1);
                        Received retry = got.get(i);
                        if (f == Fault.RATE_LIMIT) {
                            long waited = retry.receivedNanos() - before.answeredNanos();
                            assertTrue(waited >= 1_000_000_000L, f + ": retried after " + waited / 1e6 + " ms");
                        } else {
                            assertTrue(retry.receivedEpochMs() >= before.retryAfterEpochMs(), f + ": retried "
                                    + (before.retryAfterEpochMs() - retry.receivedEpochMs()) + " ms early");
                        }
                    }
                }
            }
        });
    }

    private static final Pattern DELAY = Pattern.compile("retry (\\d) of \\d in (\\d+) ms \\(back-off\\)");

    @Test
    void backOffHasSeededJitterWhateverTheConcurrency() {
        Faults faults = Faults.none().with(Fault.HTTP_503, 1);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            List<List<String>> logs = new ArrayList<>();
            for (int concurrency : new int[] {1, 8}) {
                try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                    LlmConfig c = LlmConfig.of(s.baseUri().toString(), "m").withConcurrency(concurrency)
                            .withRetries(Duration.ofSeconds(10), 3, Duration.ofMillis(20), Duration.ofSeconds(1));
                    List<LlmResult> results = new LlmClient(c, null, null).batch(requests("b", 8));
                    List<String> ls = new ArrayList<>();
                    Set<Long> firstDelays = new HashSet<>();
                    for (LlmResult r : results) {
                        String log = r.record().log();
                        ls.add(log);
                        assertEquals(CallStatus.FALLBACK, r.record().status());
                        List<Received> mine = s.received().stream()
                                .filter(x -> x.bodyKey().equals(r.record().key())).toList();
                        assertEquals(4, mine.size());
                        Matcher m = DELAY.matcher(log);
                        int k = 0;
                        while (m.find()) {
                            int retry = Integer.parseInt(m.group(1));
                            long delay = Long.parseLong(m.group(2));
                            double base = 20 * Math.pow(2, retry - 1);
                            assertTrue(delay >= Math.round(base * 0.5) && delay <= Math.round(base * 1.5),
                                    "retry " + retry + " waits " + delay + " ms");
                            long waited = mine.get(k + 1).receivedNanos() - mine.get(k).answeredNanos();
                            assertTrue(waited >= delay * 1_000_000L, "retry " + retry + " came after " + waited
                                    / 1e6 + " ms, logged " + delay);
                            if (retry == 1) {
                                firstDelays.add(delay);
                            }
                            k++;
                        }
                        assertEquals(3, k, log);
                    }
                    assertTrue(firstDelays.size() > 1, "jitter: the first back-off of 8 calls was always "
                            + firstDelays);
                    logs.add(ls);
                }
            }
            assertEquals(logs.get(0), logs.get(1), "the back-off decisions do not depend on the concurrency");
        });
    }

    @Test
    void aSchemaViolationGetsOneRepairThenARecordedFallback() {
        Faults faults = Faults.none().with(Fault.WRONG_SCHEMA, 0.5).withTiming(1, 0, 0);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                List<LlmResult> results = new LlmClient(config(s, 8, Duration.ofSeconds(10), 2), null, null)
                        .batch(requests("w", 40));
                Set<CallStatus> statuses = new HashSet<>();
                for (LlmResult r : results) {
                    LlmCallRecord rec = r.record();
                    statuses.add(rec.status());
                    List<Received> first = s.received().stream().filter(x -> x.bodyKey().equals(rec.key())).toList();
                    assertEquals(1, first.size(), "a well-formed answer is never retried as such");
                    boolean bad = first.get(0).fault() == Fault.WRONG_SCHEMA;
                    assertEquals(bad ? 2 : 1, rec.attempts(), rec.log());
                    if (!bad) {
                        assertEquals(CallStatus.OK, rec.status());
                        continue;
                    }
                    // The repair request carries the bad answer and asks again with the schema.
                    Received repair = s.received().stream().filter(x -> !x.bodyKey().equals(rec.key())
                            && id(x.body()).equals(id(rec.requestJson()))).findFirst().orElseThrow();
                    JsonNode ms = read(repair.body()).path("messages");
                    assertEquals("assistant", ms.get(ms.size() - 2).path("role").asText());
                    assertTrue(ms.get(ms.size() - 1).path("content").asText().startsWith("Your reply was not valid"));
                    if (repair.fault() == Fault.WRONG_SCHEMA) {
                        assertEquals(CallStatus.FALLBACK, rec.status());
                        assertEquals(FALLBACK, r.decision());
                        assertTrue(rec.log().endsWith("fallback decision: the repaired answer was invalid too"),
                                rec.log());
                    } else {
                        assertEquals(CallStatus.REPAIRED, rec.status());
                    }
                }
                assertEquals(Set.of(CallStatus.OK, CallStatus.REPAIRED, CallStatus.FALLBACK), statuses);
            }
        });
    }

    @Test
    void theBudgetStopsCleanlyAndSaysWhy() {
        Faults faults = Faults.all(0.03, 5).withTiming(1, 0, 0);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults);
                    JsonlCallCache cache = JsonlCallCache.open(dir, "budget")) {
                LlmClient client = new LlmClient(config(s, 4, Duration.ofSeconds(10), 3).withBudget(12, 0), null,
                        cache);
                LlmBudgetExceededException e = assertThrows(LlmBudgetExceededException.class,
                        () -> client.batch(requests("budget", 30)));
                assertTrue(e.getMessage().startsWith("llm budget spent: 12 requests (limit 12)"), e.getMessage());
                assertTrue(e.getMessage().contains("no further LLM requests are sent"), e.getMessage());
                assertTrue(e.getMessage().matches(".*; \\d+ of 30 requests of this batch unanswered"), e.getMessage());
                assertEquals(12, s.requests(), "the request budget is exact");
                assertEquals(0, client.counters().httpInFlight());
                assertEquals(0, client.counters().inFlight());
                int answered = cache.size();
                assertTrue(answered > 0 && answered < 30, "answered calls are recorded: " + answered);
                assertThrows(LlmBudgetExceededException.class, () -> client.batch(requests("more", 2)));
                assertEquals(12, s.requests(), "nothing is sent once the budget is spent");

                LlmClient tokens = new LlmClient(config(s, 1, Duration.ofSeconds(10), 3).withBudget(0, 60), null,
                        null);
                LlmBudgetExceededException t = assertThrows(LlmBudgetExceededException.class,
                        () -> tokens.batch(requests("tokens", 20)));
                assertTrue(t.getMessage().contains("tokens (limit 60)"), t.getMessage());
                assertTrue(tokens.counters().tokens() >= 60, "stopped only once the limit was reached");
            }
        });
    }

    @Test
    void sixtyFourInFlightFinishInAnyOrderAndComeBackInSubmissionOrder() {
        int n = 160;
        // Answers from the prompt, the later the request the sooner: completion order runs against submission.
        Function<JsonNode, JsonNode> script = req -> {
            String id = id(req.toString());
            int i = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            try {
                Thread.sleep(20 + (n - i) % 40 * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode a = JSON.createObjectNode();
            a.put("choice", "abc".substring(i % 3, i % 3 + 1)).put("rating", 1 + i % 5);
            return a;
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(Faults.none(), script, 0)) {
                LlmClient client = new LlmClient(config(s, 64, Duration.ofSeconds(30), 1), null, null);
                List<LlmResult> results = client.batch(requests("order", n));
                for (int i = 0; i < n; i++) {
                    JsonNode d = results.get(i).decision();
                    assertEquals(i, results.get(i).record().user());
                    assertEquals("abc".substring(i % 3, i % 3 + 1), d.path("choice").asText(), "result " + i);
                    assertEquals(1 + i % 5, d.path("rating").asInt(), "result " + i);
                    assertEquals(CallStatus.OK, results.get(i).record().status());
                }
                List<Integer> answered = s.received().stream()
                        .sorted((a, b) -> Long.compare(a.answeredNanos(), b.answeredNanos()))
                        .map(r -> Integer.parseInt(id(r.body()).substring(6))).toList();
                assertNotEquals(answered.stream().sorted().toList(), answered, "completion order was submission order");
                assertEquals(64, client.counters().peakHttpInFlight(), "the limiter filled its 64 slots");
                assertTrue(s.peakInFlight() <= 64, "never more than 64 at the server: " + s.peakInFlight());
                assertEquals(n, s.requests());
            }
        });
    }

    @Test
    void replayAfterAFaultyRunSendsNothingAndDecidesAlike() {
        Faults faults = Faults.all(0.04, 9).withTiming(1, 0, 0);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FaultInjectingLlmServer s = FaultInjectingLlmServer.start(faults)) {
                List<LlmResult> live;
                try (JsonlCallCache cache = JsonlCallCache.open(dir, "live")) {
                    live = new LlmClient(config(s, 8, Duration.ofSeconds(10), 3)
                            .withCache(dir, LlmConfig.CacheMode.RECORD), cache, cache).batch(requests("r", 40));
                }
                int sent = s.requests();
                try (JsonlCallCache cache = JsonlCallCache.open(dir, "replay")) {
                    List<LlmResult> again = new LlmClient(config(s, 8, Duration.ofSeconds(10), 3)
                            .withCache(dir, LlmConfig.CacheMode.REPLAY), cache, cache).batch(requests("r", 40));
                    assertEquals(sent, s.requests(), "replay made HTTP calls");
                    for (int i = 0; i < live.size(); i++) {
                        assertEquals(live.get(i).record(), again.get(i).record());
                        assertEquals(live.get(i).decision(), again.get(i).decision());
                    }
                }
                assertTrue(live.stream().anyMatch(r -> r.record().attempts() > 1), "the run met no fault");
            }
        });
    }
}
