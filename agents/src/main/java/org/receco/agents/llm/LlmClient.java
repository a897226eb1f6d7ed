package org.receco.agents.llm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An OpenAI-compatible chat-completions client for decisions asked as JSON against a schema, which survives the
 * model: every HTTP request has a time-out; time-outs, network errors, HTTP 429 and 5xx and unreadable bodies are
 * retried with exponential back-off and seeded jitter (honouring {@code Retry-After}); an answer that is not
 * JSON (once a Markdown code fence around it is dropped) or breaks the schema gets one repair request, then the
 * caller's fallback decision. Every call yields an
 * {@link LlmCallRecord} with each fault, retry, repair and fallback in its log. At most
 * {@link LlmConfig#concurrency()} requests are in flight; {@link #batch} answers in submission order.
 *
 * <p>With a cache ({@link CallRecordSource}), a request whose key is recorded is answered from its record
 * without any request; in {@link LlmConfig.CacheMode#REPLAY} nothing is ever sent and an unrecorded request fails
 * with {@link LlmReplayMissException}. When the per-run budget of requests or tokens is spent, calls fail with
 * {@link LlmBudgetExceededException} and nothing more is sent; a call stopped so leaves no record (it has no
 * decision to replay).
 *
 * <p>Determinism: the request key, the jitter and the choice of retry, repair or fallback depend only on the
 * request and the server's answers, never on timing or on which other requests are in flight, so against a
 * deterministic server the decisions do not depend on the concurrency. The API key is read once from the
 * environment variable the config names and appears only in the {@code Authorization} header; every text the
 * client keeps or throws is redacted of it.
 *
 * <p>Thread-safe.
 */
public final class LlmClient {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Fires the time-outs of every client's requests; one daemon thread, cancelled timers removed at once. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /**
     * Writes UTF-8 as {@link String#getBytes} does: a character beyond the BMP as one 4-byte sequence (Jackson's
     * UTF-8 writer otherwise writes each half of its surrogate pair as 3 bytes).
     */
    private static final com.fasterxml.jackson.core.JsonFactory UTF8 = com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final int MAX_LOGGED_BODY = 200;
    private static final String REPAIR_PROMPT = "Your reply was not valid: %s. Reply again with only a JSON value "
            + "that satisfies the JSON schema %s.";

    private final LlmConfig config;
    private final String apiKey;
    private final CallRecordSource source;
    private final CallRecordSink sink;
    private final HttpClient http;
    private final Limiter limiter;
    private final LlmCounters counters = new LlmCounters();
    private final AtomicBoolean budgetSpent = new AtomicBoolean();
    /** The schemas' sorted texts by identity ({@link #schemaText}). */
    private final java.util.concurrent.ConcurrentHashMap<Identity, SchemaText> schemaTexts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SCHEMA_TEXTS = 64;

    /**
     * A client for {@code config}, reading the API key from the environment.
     *
     * @param source recorded calls that answer matching requests, or null
     * @param sink where the records of new calls go, or null
     */
    public LlmClient(LlmConfig config, CallRecordSource source, CallRecordSink sink) {
        this(config, source, sink, System::getenv);
    }

    /** As {@link #LlmClient(LlmConfig, CallRecordSource, CallRecordSink)}, with {@code env} for the environment. */
    public LlmClient(LlmConfig config, CallRecordSource source, CallRecordSink sink, Function<String, String> env) {
        this.config = config;
        if (config.apiKeyEnv() != null) {
            String key = env.apply(config.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("llm api key: the environment variable " + config.apiKeyEnv()
                        + " is not set");
            }
            this.apiKey = key.strip();
        } else {
            this.apiKey = null;
        }
        if (config.cacheMode() == LlmConfig.CacheMode.REPLAY && source == null) {
            throw new IllegalArgumentException("llm replay needs recorded calls");
        }
        this.source = source;
        this.sink = sink;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).build();
        this.limiter = new Limiter(config.concurrency());
    }

    /** The live counts, for progress reports. */
    public LlmCounters counters() {
        return counters;
    }

    public LlmConfig config() {
        return config;
    }

    /** The record key of {@code request}: SHA-256 of the request body (model, messages, parameters, seed). */
    public String key(LlmRequest request) {
        return sha256(utf8Body(request));
    }

    /**
     * Asks every request and returns their results in submission order, whatever order they complete in; the
     * records of new calls are written in submission order too. Faults never escape: they end in fallback
     * decisions.
     *
     * @throws LlmBudgetExceededException when the budget ran out before every request was answered (after the
     *         others finished and were recorded)
     * @throws LlmReplayMissException in replay mode, when a request has no record
     */
    public List<LlmResult> batch(List<LlmRequest> requests) {
        List<CompletableFuture<LlmResult>> futures = new ArrayList<>(requests.size());
        for (LlmRequest r : requests) {
            futures.add(ask(r));
        }
        List<LlmResult> results = new ArrayList<>(futures.size());
        RuntimeException first = null;
        int unanswered = 0;
        for (CompletableFuture<LlmResult> f : futures) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                unanswered++;
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException re ? re : e;
                }
                results.add(null);
            }
        }
        for (LlmResult r : results) {
            if (r != null && !r.replayed()) {
                write(r.record());
            }
        }
        if (first instanceof LlmBudgetExceededException) {
            throw new LlmBudgetExceededException(first.getMessage() + "; " + unanswered + " of " + requests.size()
                    + " requests of this batch unanswered");
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    /** Asks one request; its record is written when it is answered. */
    public CompletableFuture<LlmResult> submit(LlmRequest request) {
        return ask(request).thenApply(r -> {
            if (!r.replayed()) {
                write(r.record());
            }
            return r;
        });
    }

    private void write(LlmCallRecord record) {
        if (sink != null) {
            try {
                sink.append(record);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not record an LLM call: " + e.getMessage(), e);
            }
        }
    }

    private CompletableFuture<LlmResult> ask(LlmRequest request) {
        counters.submitted.incrementAndGet();
        String key = sha256(utf8Body(request));
        if (source != null) {
            Optional<LlmCallRecord> hit = source.find(key);
            if (hit.isPresent()) {
                LlmCallRecord r = hit.get();
                counters.replayed.incrementAndGet();
                counters.done.incrementAndGet();
                if (r.status() == CallStatus.FALLBACK) {
                    counters.failures.incrementAndGet();
                }
                try {
                    return CompletableFuture.completedFuture(new LlmResult(JSON.readTree(r.decisionJson()), r, true));
                } catch (JsonProcessingException e) {
                    return fail(new IllegalStateException("recorded LLM call " + key + " has no readable decision"));
                }
            }
            if (config.cacheMode() == LlmConfig.CacheMode.REPLAY) {
                return fail(new LlmReplayMissException("llm replay: no recorded call for round " + request.round()
                        + ", user " + request.user() + ", purpose '" + request.purpose() + "' (key " + key
                        + ") in " + config.cacheDir() + "; record it with cache mode 'record'"));
            }
        }
        return new Call(request, key, body(request, request.messages())).start();
    }

    private <T> CompletableFuture<T> fail(RuntimeException e) {
        counters.done.incrementAndGet();
        counters.failures.incrementAndGet();
        return CompletableFuture.failedFuture(e);
    }

    /**
     * The request body: every object's keys sorted (as Jackson's {@code ORDER_MAP_ENTRIES_BY_KEYS} sorts them),
     * so equal requests have equal bytes and the key is well defined. Written field by field in that order, with
     * the schema's sorted text made once per schema object ({@link #schemaText}): a batch asks the same schema of
     * every user, and sorting it through a tree for each request was most of the cost of keying a replayed call.
     */
    String body(LlmRequest request, List<ChatMessage> messages) {
        SchemaText schema = schemaText(request.schema());
        java.io.StringWriter out = new java.io.StringWriter(256 + schema.json().length());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            writeBody(g, request, messages, schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * The UTF-8 bytes of {@link #body} with the request's own messages, written as bytes at once: a replayed call
     * needs only its key, so its body never becomes a string. A text with a lone surrogate, which Jackson's
     * UTF-8 writer encodes otherwise than {@link String#getBytes} (that puts '?'), goes the way of {@link #body}.
     */
    byte[] utf8Body(LlmRequest request) {
        for (ChatMessage m : request.messages()) {
            if (hasLoneSurrogate(m.content())) {
                return body(request, request.messages()).getBytes(StandardCharsets.UTF_8);
            }
        }
        SchemaText schema = schemaText(request.schema());
        com.fasterxml.jackson.core.util.ByteArrayBuilder out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(
                256 + 2 * schema.json().length());
        try (JsonGenerator g = UTF8.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            writeBody(g, request, request.messages(), schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void writeBody(JsonGenerator g, LlmRequest request, List<ChatMessage> messages, SchemaText schema)
        throws IOException {
        g.writeStartObject();
        if (config.schemaFields() != LlmConfig.SchemaFields.RESPONSE_FORMAT) {
            g.writeFieldName("json_schema");
            g.writeRawValue(schema.json());
        }
        g.writeNumberField("max_tokens", config.maxTokens());
        g.writeArrayFieldStart("messages");
        for (ChatMessage m : messages) {
            g.writeStartObject();
            g.writeStringField("content", m.content());
            g.writeStringField("role", m.role());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("model", config.model());
        if (config.schemaFields() != LlmConfig.SchemaFields.JSON_SCHEMA) {
            g.writeObjectFieldStart("response_format");
            g.writeObjectFieldStart("json_schema");
            g.writeStringField("name", "decision");
            g.writeFieldName("schema");
            g.writeRawValue(schema.json());
            // OpenAI refuses strict mode (HTTP 400) for a schema that is not closed and fully required;
            // llama.cpp ignores the flag and constrains by the schema either way.
            g.writeBooleanField("strict", schema.strict());
            g.writeEndObject();
            g.writeStringField("type", "json_schema");
            g.writeEndObject();
        }
        g.writeNumberField("seed", request.seed() != null ? request.seed() : config.seed());
        g.writeBooleanField("stream", false);
        g.writeNumberField("temperature", config.temperature());
        g.writeEndObject();
    }

    /** A schema's key-sorted JSON text and whether OpenAI's strict mode accepts it. */
    private record SchemaText(String json, boolean strict) {
    }

    /**
     * The sorted text of {@code schema}, remembered by identity (a request's schema is not changed once asked;
     * the few a run uses are kept, up to {@link #SCHEMA_TEXTS} of them).
     */
    private SchemaText schemaText(JsonNode schema) {
        SchemaText t = schemaTexts.get(new Identity(schema));
        if (t != null) {
            return t;
        }
        try {
            // Through a tree so that ORDER_MAP_ENTRIES_BY_KEYS sorts the schema's keys.
            t = new SchemaText(JSON.writeValueAsString(JSON.treeToValue(schema, Object.class)),
                    isStrictSchema(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (schemaTexts.size() >= SCHEMA_TEXTS) {
            schemaTexts.clear();
        }
        schemaTexts.put(new Identity(schema), t);
        return t;
    }

    /** A key that compares its node by identity (a JSON node's own equality is deep and costly). */
    private record Identity(JsonNode node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    /**
     * Whether OpenAI's strict structured outputs accept {@code schema}: every object closed
     * ({@code additionalProperties: false}) with every property required, all the way down.
     */
    static boolean isStrictSchema(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return true;
        }
        JsonNode props = schema.get("properties");
        boolean object = "object".equals(schema.path("type").asText()) || props != null;
        if (object) {
            if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
                return false;
            }
            java.util.Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (props != null) {
                for (java.util.Iterator<String> it = props.fieldNames(); it.hasNext();) {
                    String name = it.next();
                    if (!required.contains(name) || !isStrictSchema(props.get(name))) {
                        return false;
                    }
                }
            }
        }
        if (schema.has("items") && !isStrictSchema(schema.get("items"))) {
            return false;
        }
        for (String alt : new String[] {"anyOf", "oneOf", "allOf"}) {
            for (JsonNode b : schema.path(alt)) {
                if (!isStrictSchema(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SHA-256 of {@code bytes} as lower-case hex: the record key of a request body. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** {@code text} with the API key blanked out, for anything kept or thrown. */
    private String redact(String text) {
        return text == null || apiKey == null ? text : text.replace(apiKey, "[api key]");
    }

    /** One call in progress: its attempts, retries and repair, ending in a result. */
    private final class Call {
        private final LlmRequest request;
        private final String key;
        private final String firstBody;
        private final SplittableRandom jitter;
        private final CompletableFuture<LlmResult> result = new CompletableFuture<>();
        private final StringBuilder log = new StringBuilder();
        private final long started = System.nanoTime();
        private int attempts;
        private int retriesUsed;
        private boolean repaired;
        private String lastResponse;
        private long promptTokens;
        private long completionTokens;

        Call(LlmRequest request, String key, String body) {
            this.request = request;
            this.key = key;
            this.firstBody = body;
            // Seeded by the run's seed and the request alone, so the back-off never depends on the other calls.
            this.jitter = new SplittableRandom(config.seed() ^ Long.parseUnsignedLong(key.substring(0, 15), 16));
        }

        CompletableFuture<LlmResult> start() {
            send(firstBody);
            return result;
        }

        private void note(String line) {
            if (log.length() > 0) {
                log.append('\n');
            }
            log.append(redact(line));
        }

        private void send(String body) {
            if (budgetSpent.get() || !reserveBudget()) {
                budgetSpent.set(true);
                counters.done.incrementAndGet();
                counters.failures.incrementAndGet();
                result.completeExceptionally(new LlmBudgetExceededException(budgetMessage()));
                return;
            }
            int attempt = ++attempts;
            HttpRequest.Builder rb = HttpRequest.newBuilder(config.chatCompletions())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (apiKey != null) {
                rb.header("Authorization", "Bearer " + apiKey);
            }
            HttpRequest req = rb.build();
            long timeoutMs = config.timeout().toMillis();
            limiter.run(() -> {
                counters.peakHttpInFlight.accumulateAndGet(counters.httpInFlight.incrementAndGet(), Math::max);
                long sent = System.nanoTime();
                CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(req,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                // The request time-out covers the headers only; this one also covers a stalled body. It cancels
                // the exchange, the documented way to abort it and close its connection.
                AtomicBoolean timedOut = new AtomicBoolean();
                ScheduledFuture<?> timer = TIMER.schedule(() -> {
                    timedOut.set(true);
                    exchange.cancel(true);
                }, timeoutMs, TimeUnit.MILLISECONDS);
                return exchange.handle((r, e) -> {
                    timer.cancel(false);
                    counters.httpInFlight.decrementAndGet();
                    counters.httpNanos.addAndGet(System.nanoTime() - sent);
                    if (e != null) {
                        throw new CompletionException(timedOut.get() ? new TimeoutException() : unwrap(e));
                    }
                    return r;
                });
            }).whenComplete((resp, error) -> {
                try {
                    handle(attempt, body, resp, error);
                } catch (RuntimeException e) {
                    counters.done.incrementAndGet();
                    counters.failures.incrementAndGet();
                    result.completeExceptionally(new IllegalStateException("llm call failed: "
                            + redact(String.valueOf(e.getMessage()))));
                }
            });
        }

        /**
         * Counts the request against the budget before it is queued, so that the limit on requests is exact
         * however many are in flight; the token limit is checked against the tokens of the answers so far, so
         * the requests in flight when it is reached may still overshoot it.
         */
        private boolean reserveBudget() {
            if (config.budgetTokens() > 0 && counters.tokens() >= config.budgetTokens()) {
                return false;
            }
            if (config.budgetCalls() <= 0) {
                counters.httpRequests.incrementAndGet();
                return true;
            }
            long n;
            do {
                n = counters.httpRequests.get();
                if (n >= config.budgetCalls()) {
                    return false;
                }
            } while (!counters.httpRequests.compareAndSet(n, n + 1));
            return true;
        }

        private String budgetMessage() {
            return "llm budget spent: " + counters.httpRequests() + " requests (limit "
                    + (config.budgetCalls() > 0 ? config.budgetCalls() : "none") + "), " + counters.tokens()
                    + " tokens (limit " + (config.budgetTokens() > 0 ? config.budgetTokens() : "none")
                    + "); no further LLM requests are sent";
        }

        private void handle(int attempt, String body, HttpResponse<String> resp, Throwable error) {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                String what = cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                        ? "timed out after " + config.timeout().toMillis() + " ms"
                        : "failed: " + cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
                retryOrFallback(attempt, body, "attempt " + attempt + " " + what, null);
                return;
            }
            int status = resp.statusCode();
            if (status == 408 || status == 429 || status >= 500) {
                Long retryAfter = retryAfterMillis(resp);
                retryOrFallback(attempt, body, "attempt " + attempt + " HTTP " + status
                        + (retryAfter != null ? " (Retry-After " + resp.headers().firstValue("Retry-After").get()
                        + ")" : "") + ": " + clip(resp.body()), retryAfter);
                return;
            }
            if (status != 200) {
                note("attempt " + attempt + " HTTP " + status + " (not retried): " + clip(resp.body()));
                fallback("the server refused the request");
                return;
            }
            JsonNode reply;
            String content;
            try {
                reply = JSON.readTree(resp.body());
                JsonNode c = reply.path("choices").path(0).path("message").path("content");
                if (!c.isTextual()) {
                    throw new IOException("no choices[0].message.content");
                }
                content = c.asText();
            } catch (IOException e) {
                retryOrFallback(attempt, body, "attempt " + attempt + " unreadable response ("
                        + firstLine(e.getMessage()) + "): " + clip(resp.body()), null);
                return;
            }
            lastResponse = redact(resp.body());
            long p = reply.path("usage").path("prompt_tokens").asLong(0);
            long c = reply.path("usage").path("completion_tokens").asLong(0);
            promptTokens += p;
            completionTokens += c;
            counters.promptTokens.addAndGet(p);
            counters.completionTokens.addAndGet(c);
            String problem;
            JsonNode decision = null;
            try {
                decision = JSON.readTree(withoutFence(content));
                if (decision == null || decision.isMissingNode()) {
                    throw new IOException("empty answer");
                }
                List<String> problems = JsonSchemaCheck.problems(request.schema(), decision);
                problem = problems.isEmpty() ? null : String.join("; ", problems);
            } catch (IOException e) {
                problem = "not JSON (" + firstLine(e.getMessage()) + ")";
            }
            if (problem == null) {
                finish(repaired ? CallStatus.REPAIRED : CallStatus.OK, decision);
                return;
            }
            note("attempt " + attempt + " invalid answer: " + problem + ": " + clip(content));
            if (repaired) {
                fallback("the repaired answer was invalid too");
                return;
            }
            repaired = true;
            List<ChatMessage> ms = new ArrayList<>(request.messages());
            ms.add(ChatMessage.assistant(content));
            ms.add(ChatMessage.user(String.format(REPAIR_PROMPT, problem, request.schema())));
            note("attempt " + (attempt + 1) + " asks for a repair");
            send(body(request, ms));
        }

        private void retryOrFallback(int attempt, String body, String fault, Long retryAfterMs) {
            if (retriesUsed >= config.retries()) {
                note(fault);
                fallback("gave up after " + (retriesUsed + 1) + " tries of one request");
                return;
            }
            retriesUsed++;
            counters.retries.incrementAndGet();
            long delay;
            String why;
            if (retryAfterMs != null) {
                delay = Math.min(retryAfterMs, config.maxRetryAfter().toMillis());
                why = delay < retryAfterMs ? " (Retry-After capped at " + delay + " ms)" : " (Retry-After)";
            } else {
                double base = config.backoff().toMillis() * Math.pow(2, retriesUsed - 1);
                delay = Math.round(base * (0.5 + jitter.nextDouble()));
                why = " (back-off)";
            }
            note(fault + "; retry " + retriesUsed + " of " + config.retries() + " in " + delay + " ms" + why);
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> send(body));
        }

        private void fallback(String why) {
            note("fallback decision: " + why);
            finish(CallStatus.FALLBACK, request.fallback());
        }

        private void finish(CallStatus status, JsonNode decision) {
            long latency = (System.nanoTime() - started) / 1_000_000;
            String decisionJson;
            JsonNode kept = decision;
            try {
                decisionJson = JSON.writeValueAsString(decision);
                String redacted = redact(decisionJson);
                if (!redacted.equals(decisionJson)) {
                    // A model that echoes the key must not carry it into the decision or its record.
                    decisionJson = redacted;
                    kept = JSON.readTree(redacted);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            LlmCallRecord record = new LlmCallRecord(request.round(), request.user(), request.purpose(), key,
                    config.model(), firstBody, lastResponse, decisionJson, status, attempts, latency,
                    promptTokens, completionTokens, log.toString());
            counters.done.incrementAndGet();
            if (status == CallStatus.FALLBACK) {
                counters.failures.incrementAndGet();
            }
            result.complete(new LlmResult(kept, record, false));
        }

        private String clip(String text) {
            if (text == null) {
                return "";
            }
            String t = redact(text).replace('\n', ' ');
            return t.length() <= MAX_LOGGED_BODY ? t : t.substring(0, MAX_LOGGED_BODY) + "...";
        }
    }

    /**
     * {@code content} without a Markdown code fence around it ({@code ```json ... ```}), which chat models add
     * even when asked for bare JSON; anything else unchanged.
     */
    static String withoutFence(String content) {
        String t = content.strip();
        if (!t.startsWith("```") || !t.endsWith("```") || t.length() < 6) {
            return content;
        }
        int nl = t.indexOf('\n');
        return nl < 0 || nl > t.length() - 3 ? content : t.substring(nl + 1, t.length() - 3);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "llm-timeouts");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** {@code Retry-After} in milliseconds (delay-seconds or an HTTP date), or null when absent or unreadable. */
    static Long retryAfterMillis(HttpResponse<?> resp) {
        Optional<String> v = resp.headers().firstValue("Retry-After");
        if (v.isEmpty()) {
            return null;
        }
        String s = v.get().trim();
        try {
            return Math.max(0, Math.round(Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                // Rounded up: a wait cut short by a fraction of a millisecond would retry before the date.
                long nanos = Duration.between(ZonedDateTime.now(at.getZone()), at).toNanos();
                return Math.max(0, (nanos + 999_999) / 1_000_000);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** At most {@code max} tasks running at once; the others wait in submission order. */
    private static final class Limiter {
        private final int max;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private int running;

        Limiter(int max) {
            this.max = max;
        }

        <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> task) {
            CompletableFuture<T> out = new CompletableFuture<>();
            Runnable start = () -> {
                CompletableFuture<T> f;
                try {
                    f = task.get();
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                f.whenComplete((v, e) -> {
                    release();
                    if (e != null) {
                        out.completeExceptionally(e);
                    } else {
                        out.complete(v);
                    }
                });
            };
            boolean now;
            synchronized (this) {
                now = running < max;
                if (now) {
                    running++;
                } else {
                    waiting.add(start);
                }
            }
            if (now) {
                start.run();
            }
            return out;
        }

        private void release() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                }
            }
            if (next != null) {
                next.run();
            }
        }
    }
}
