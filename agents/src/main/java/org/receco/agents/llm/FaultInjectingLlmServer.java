package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dev tool: an OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request with JSON
 * valid against the request's schema, except that it injects faults at stated, seeded rates: time-outs, HTTP 429
 * with {@code Retry-After} (seconds or an HTTP date), 500/502/503, truncated bodies, non-JSON bodies, JSON that
 * breaks the schema, and connections dropped before any answer. It exists to show that a client survives a bad
 * model and a bad network ({@code receco llm serve --faults SPEC}, and the robustness tests of {@link LlmClient}).
 *
 * <p>Whether a request meets a fault, and which, is drawn from a generator seeded by the fault seed, the
 * SHA-256 of the request body and how many times this server has seen that body before; so a retried request
 * (same body) draws afresh, and the faults do not depend on the order requests arrive in. The answer of a
 * request that meets no fault comes from the scripted-answer hook ({@code Function<request JSON, answer JSON>},
 * e.g. one that answers from the persona in the prompt); by default it is an instance of the request's schema
 * drawn from the same seeded generator.
 *
 * <p>It also serves {@code POST /v1/embeddings} (OpenAI's protocol, without faults): each text's vector has
 * {@value #EMBEDDING_DIMS} dimensions, the sum of a seeded pseudo-random vector per lower-cased word (a hashed bag
 * of words), so texts sharing words are alike and a text's vector depends only on the text and the seed.
 *
 * <p>The server counts the requests it receives and keeps, for each, when it arrived, what fault it met and how
 * long it took to answer, so tests can assert "zero HTTP calls" for a replay or measure a client's wait against
 * the server's clock. Threads are created as requests arrive (a time-out fault holds one while it sleeps), so
 * any number of concurrent requests is in flight at once.
 */
public final class FaultInjectingLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEFORE_ANSWER = "receco.beforeAnswer";
    /** The length of the vectors {@code /v1/embeddings} answers with. */
    public static final int EMBEDDING_DIMS = 32;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** What can go wrong with one request, by the name a fault spec uses. */
    public enum Fault {
        /** Sleeps {@link Faults#timeoutMs} before a valid answer: past the client's time-out. */
        TIMEOUT("timeout"),
        /** HTTP 429 with {@code Retry-After: N} (delay-seconds). */
        RATE_LIMIT("429"),
        /** HTTP 429 with {@code Retry-After} as an HTTP date, N seconds or up to one more ahead. */
        RATE_LIMIT_DATE("429-date"),
        /** HTTP 500. */
        HTTP_500("500"),
        /** HTTP 502. */
        HTTP_502("502"),
        /** HTTP 503. */
        HTTP_503("503"),
        /** HTTP 200 announcing the full length of a valid answer, of which half is sent before the connection drops. */
        TRUNCATED("truncated"),
        /** HTTP 200 with an HTML page for a body. */
        NOT_JSON("not-json"),
        /** HTTP 200 with a well-formed completion whose content is JSON that violates the request's schema. */
        WRONG_SCHEMA("wrong-schema"),
        /**
         * The connection is closed before any byte of an answer. (The JDK server cannot set SO_LINGER, so the
         * peer sees an end of stream rather than a TCP RST; to an HTTP client both are a broken connection.)
         */
        RESET("reset");

        private final String specName;

        Fault(String specName) {
            this.specName = specName;
        }

        /** The name in a fault spec, e.g. {@code 429-date}. */
        public String specName() {
            return specName;
        }

        static Fault byName(String name) {
            for (Fault f : values()) {
                if (f.specName.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * What to inject and how hard: a rate per fault (their sum at most 1), the seed of the draws, the
     * {@code Retry-After} of the 429 faults, how long a time-out fault sleeps, and how long every answer takes
     * (a stand-in for the model's time).
     *
     * @param rates the probability of each fault per request; a fault not listed never happens
     * @param seed the seed of the fault and answer draws
     * @param retryAfterSeconds the {@code Retry-After} of 429s
     * @param timeoutMs how long a time-out fault sleeps before answering
     * @param latencyMs how long each answer takes before it is sent
     */
    public record Faults(Map<Fault, Double> rates, long seed, int retryAfterSeconds, long timeoutMs,
            long latencyMs) {
        /** The spec keys that are not faults, with their meaning, for error messages and help. */
        public static final List<String> SETTINGS = List.of("seed", "retry-after", "timeout-ms", "latency-ms");

        public Faults {
            EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
            double sum = 0;
            for (Map.Entry<Fault, Double> e : rates.entrySet()) {
                double r = e.getValue();
                if (!(r >= 0 && r <= 1)) {
                    throw new IllegalArgumentException("fault rate " + e.getKey().specName() + "=" + r
                            + " must be in [0, 1]");
                }
                copy.put(e.getKey(), r);
                sum += r;
            }
            if (sum > 1 + 1e-9) {
                throw new IllegalArgumentException("fault rates add up to " + sum + ", more than 1");
            }
            rates = Collections.unmodifiableMap(copy);
            if (retryAfterSeconds < 0 || timeoutMs < 0 || latencyMs < 0) {
                throw new IllegalArgumentException("retry-after, timeout-ms and latency-ms must be 0 or more");
            }
        }

        /** No faults: every request gets a valid answer at once. */
        public static Faults none() {
            return new Faults(Map.of(), 1, 1, 65_000, 0);
        }

        /** Every fault at {@code rate}. */
        public static Faults all(double rate, long seed) {
            EnumMap<Fault, Double> m = new EnumMap<>(Fault.class);
            for (Fault f : Fault.values()) {
                m.put(f, rate);
            }
            return new Faults(m, seed, 1, 65_000, 0);
        }

        public Faults with(Fault fault, double rate) {
            EnumMap<Fault, Double> m = new EnumMap<>(Fault.class);
            m.putAll(rates);
            m.put(fault, rate);
            return new Faults(m, seed, retryAfterSeconds, timeoutMs, latencyMs);
        }

        public Faults withTiming(int retryAfterSeconds, long timeoutMs, long latencyMs) {
            return new Faults(rates, seed, retryAfterSeconds, timeoutMs, latencyMs);
        }

        /**
         * Reads a spec such as {@code timeout=0.02,429=0.05,500=0.05,seed=7}: comma-separated {@code key=value};
         * a key is a fault name ({@code all} sets every fault) with its rate, or one of {@link #SETTINGS}
         * ({@code retry-after} in seconds, default 1; {@code timeout-ms}, default 65000, past a client's default
         * 60 s time-out; {@code latency-ms}, default 0; {@code seed}, default 1). The empty spec injects nothing.
         *
         * @throws IllegalArgumentException naming the bad entry and the allowed keys
         */
        public static Faults parse(String spec) {
            Faults f = none();
            if (spec == null || spec.isBlank()) {
                return f;
            }
            EnumMap<Fault, Double> rates = new EnumMap<>(Fault.class);
            long seed = f.seed();
            int retryAfter = f.retryAfterSeconds();
            long timeoutMs = f.timeoutMs();
            long latencyMs = f.latencyMs();
            for (String entry : spec.split(",")) {
                String e = entry.strip();
                int eq = e.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("fault spec entry '" + e + "' is not KEY=VALUE; "
                            + allowed());
                }
                String key = e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = e.substring(eq + 1).strip();
                try {
                    switch (key) {
                        case "seed" -> seed = Long.parseLong(value);
                        case "retry-after" -> retryAfter = Integer.parseInt(value);
                        case "timeout-ms" -> timeoutMs = Long.parseLong(value);
                        case "latency-ms" -> latencyMs = Long.parseLong(value);
                        case "all" -> {
                            double r = Double.parseDouble(value);
                            for (Fault x : Fault.values()) {
                                rates.put(x, r);
                            }
                        }
                        default -> {
                            Fault fault = Fault.byName(key);
                            if (fault == null) {
                                throw new IllegalArgumentException("fault spec: unknown key '" + key + "'; "
                                        + allowed());
                            }
                            rates.put(fault, Double.parseDouble(value));
                        }
                    }
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("fault spec: '" + key + "' needs a number, got '" + value
                            + "'");
                }
            }
            return new Faults(rates, seed, retryAfter, timeoutMs, latencyMs);
        }

        private static String allowed() {
            return "allowed keys: " + Arrays.stream(Fault.values()).map(Fault::specName)
                    .collect(Collectors.joining(", ")) + ", all (rates in [0, 1]); " + String.join(", ", SETTINGS);
        }

        /** The fault a draw {@code u} in [0, 1) falls on, walking the rates in the enum's order; null for none. */
        Fault pick(double u) {
            double at = 0;
            for (Map.Entry<Fault, Double> e : rates.entrySet()) {
                at += e.getValue();
                if (u < at) {
                    return e.getKey();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            String rs = rates.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().specName() + "=" + e.getValue()).collect(Collectors.joining(","));
            return (rs.isEmpty() ? "no faults" : rs) + " (seed " + seed + ", retry-after " + retryAfterSeconds
                    + " s, timeout " + timeoutMs + " ms, latency " + latencyMs + " ms)";
        }
    }

    /**
     * One request as the server saw it.
     *
     * @param seq the arrival number, from 0
     * @param path the request path
     * @param receivedNanos {@link System#nanoTime} at arrival
     * @param receivedEpochMs the wall clock at arrival
     * @param answeredNanos {@link System#nanoTime} when the answer was sent (or the connection dropped); -1 while
     *        the request is still being answered (e.g. asleep in a time-out fault after its client gave up)
     * @param fault the fault injected, or null
     * @param retryAfterEpochMs for a 429, the earliest wall-clock time its {@code Retry-After} allows a retry;
     *        otherwise 0
     * @param body the request body
     * @param bodyKey SHA-256 (hex) of the body: a client's record key of the request when it is a first attempt
     */
    public record Received(int seq, String path, long receivedNanos, long receivedEpochMs, long answeredNanos,
            Fault fault, long retryAfterEpochMs, String body, String bodyKey) {
        /** How long the server took to answer, in nanoseconds. */
        public long serverNanos() {
            return answeredNanos - receivedNanos;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults;
    private final Function<JsonNode, JsonNode> answers;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong serverNanos = new AtomicLong();
    private final Map<String, AtomicInteger> seenBodies = new ConcurrentHashMap<>();
    private final Map<Integer, Received> received = new ConcurrentHashMap<>();

    private FaultInjectingLlmServer(HttpServer server, ExecutorService executor, Faults faults,
            Function<JsonNode, JsonNode> answers) {
        this.server = server;
        this.executor = executor;
        this.faults = faults;
        this.answers = answers;
    }

    /** Starts a server with {@code faults} that answers with schema instances, on any free port. */
    public static FaultInjectingLlmServer start(Faults faults) throws IOException {
        return start(faults, null, 0);
    }

    /**
     * Starts a server on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param answers the scripted answer: from the request body to the decision JSON the "model" answers (sent
     *        as the message content); null for a seeded instance of the request's schema
     */
    public static FaultInjectingLlmServer start(Faults faults, Function<JsonNode, JsonNode> answers, int port)
            throws IOException {
        HttpServer http = LoopbackHttp.create(port, 1024);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "llm-faults");
            t.setDaemon(true);
            return t;
        });
        FaultInjectingLlmServer s = new FaultInjectingLlmServer(http, executor, faults, answers);
        http.createContext("/v1/chat/completions", s::chat);
        http.createContext("/v1/models", s::models);
        http.createContext("/v1/embeddings", s::embeddings);
        http.setExecutor(executor);
        http.start();
        return s;
    }

    /** The base URL to configure a client with: {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public Faults faults() {
        return faults;
    }

    /** Requests received on any path. */
    public int requests() {
        return requests.get();
    }

    /** The {@code Authorization} headers of the chat requests so far (a test that the API key is sent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The most requests received and not yet answered at once so far. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** The server's time summed over the requests answered, in nanoseconds. */
    public long serverNanos() {
        return serverNanos.get();
    }

    /** Every request received so far, in arrival order, those still being answered included. */
    public List<Received> received() {
        List<Received> copy = new ArrayList<>(received.values());
        copy.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
        return copy;
    }

    /** Requests received on {@code path}, e.g. {@code /v1/embeddings}. */
    public long requests(String path) {
        return received().stream().filter(r -> r.path().equals(path)).count();
    }

    /** How many requests met {@code fault}. */
    public long count(Fault fault) {
        return received().stream().filter(r -> r.fault() == fault).count();
    }

    private void models(HttpExchange ex) throws IOException {
        int seq = requests.getAndIncrement();
        long t0 = System.nanoTime();
        long wall = System.currentTimeMillis();
        track(ex, seq, "/v1/models", t0, wall, "", "");
        try (ex) {
            ObjectNode list = JSON.createObjectNode().put("object", "list");
            list.putArray("data").addObject().put("id", "faulty").put("object", "model").put("owned_by", "local");
            send(ex, 200, "application/json", JSON.writeValueAsBytes(list), Map.of());
        } finally {
            untracked(seq, "/v1/models", t0, wall, "", "");
        }
    }

    /**
     * Records a fault-free request on arrival and has it stamped answered just before the answer's first byte (as
     * chat requests are): a client that has its answer must find it counted and answered.
     */
    private void track(HttpExchange ex, int seq, String path, long t0, long wall, String body, String key) {
        received.put(seq, new Received(seq, path, t0, wall, -1, null, 0, body, key));
        ex.setAttribute(BEFORE_ANSWER, (Runnable) () -> received.put(seq,
                new Received(seq, path, t0, wall, System.nanoTime(), null, 0, body, key)));
    }

    /** Stamps a request dropped before its answer (or its body) now; one answered keeps its stamp. */
    private void untracked(int seq, String path, long t0, long wall, String body, String key) {
        received.compute(seq, (k, r) -> r != null && r.answeredNanos() >= 0 ? r
                : new Received(seq, path, t0, wall, System.nanoTime(), null, 0, body, key));
    }

    private void embeddings(HttpExchange ex) throws IOException {
        int seq = requests.getAndIncrement();
        long t0 = System.nanoTime();
        long wall = System.currentTimeMillis();
        String text = "";
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            text = new String(raw, StandardCharsets.UTF_8);
            track(ex, seq, "/v1/embeddings", t0, wall, text, LlmClient.sha256(text));
            JsonNode req;
            try {
                req = JSON.readTree(raw);
            } catch (IOException e) {
                send(ex, 400, "application/json", error("the body is not JSON"), Map.of());
                return;
            }
            JsonNode input = req == null ? null : req.path("input");
            if (input == null || !(input.isArray() || input.isTextual())) {
                send(ex, 400, "application/json", error("'input' must be a string or an array of strings"),
                        Map.of());
                return;
            }
            List<String> texts = new ArrayList<>();
            if (input.isTextual()) {
                texts.add(input.asText());
            } else {
                input.forEach(t -> texts.add(t.asText()));
            }
            ObjectNode out = JSON.createObjectNode().put("object", "list");
            ArrayNode data = out.putArray("data");
            long tokens = 0;
            for (int i = 0; i < texts.size(); i++) {
                ArrayNode v = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
                for (float x : bagOfWords(texts.get(i), faults.seed())) {
                    v.add(x);
                }
                tokens += texts.get(i).length() / 4 + 1;
            }
            out.put("model", req.path("model").asText("faulty"));
            out.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
            send(ex, 200, "application/json", JSON.writeValueAsBytes(out), Map.of());
        } finally {
            untracked(seq, "/v1/embeddings", t0, wall, text, LlmClient.sha256(text));
        }
    }

    /** A text's vector: the sum of a vector drawn for each lower-cased word from {@code seed} and the word. */
    static float[] bagOfWords(String text, long seed) {
        float[] v = new float[EMBEDDING_DIMS];
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        boolean any = false;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            any = true;
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ w.hashCode());
            for (int k = 0; k < v.length; k++) {
                v[k] += (float) (r.nextDouble() * 2 - 1);
            }
        }
        if (!any) {
            v[0] = 1;
        }
        return v;
    }

    private void chat(HttpExchange ex) throws IOException {
        int seq = requests.getAndIncrement();
        long t0 = System.nanoTime();
        long wall = System.currentTimeMillis();
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        Fault fault = null;
        // [answered nanos, retry-after epoch ms]: stamped just before the answer's first byte, so that a client
        // that has the answer always finds its request answered here.
        long[] stamps = {-1, 0};
        String text = "";
        String hash = "";
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            byte[] raw = ex.getRequestBody().readAllBytes();
            text = new String(raw, StandardCharsets.UTF_8);
            hash = LlmClient.sha256(text);
            JsonNode req;
            try {
                req = JSON.readTree(raw);
            } catch (IOException e) {
                send(ex, 400, "application/json", error("the body is not JSON"), Map.of());
                return;
            }
            if (req == null || !req.path("messages").isArray()) {
                send(ex, 400, "application/json", error("'messages' must be an array"), Map.of());
                return;
            }
            int nth = seenBodies.computeIfAbsent(hash, k -> new AtomicInteger()).getAndIncrement();
            SplittableRandom rng = new SplittableRandom(faults.seed() * 0x9E3779B97F4A7C15L
                    ^ Long.parseUnsignedLong(hash.substring(0, 15), 16) ^ (nth * 0xBF58476D1CE4E5B9L));
            fault = faults.pick(rng.nextDouble());
            JsonNode schema = LocalLlmServer.schemaOf(req);
            if (fault == Fault.WRONG_SCHEMA && violation(schema) == null) {
                // Nothing violates this schema (it accepts anything): the request meets no fault.
                fault = null;
            }
            received.put(seq, new Received(seq, "/v1/chat/completions", t0, wall, -1, fault, 0, text, hash));
            Fault met = fault;
            String sentBody = text;
            String key = hash;
            ex.setAttribute(BEFORE_ANSWER, (Runnable) () -> {
                stamps[0] = System.nanoTime();
                // Answered from here on: a client that has the answer may send its next request before this
                // handler returns, and must not find its requests counted twice.
                inFlight.decrementAndGet();
                received.put(seq, new Received(seq, "/v1/chat/completions", t0, wall, stamps[0], met, stamps[1], sentBody,
                        key));
            });
            if (!sleep(faults.latencyMs())) {
                return;
            }
            if (fault == null) {
                JsonNode answer = answers != null ? answers.apply(req) : SchemaInstances.example(schema, rng);
                sendCompletion(ex, req, answer.toString());
                return;
            }
            switch (fault) {
                case TIMEOUT -> {
                    if (sleep(faults.timeoutMs())) {
                        JsonNode answer = answers != null ? answers.apply(req) : SchemaInstances.example(schema, rng);
                        sendCompletion(ex, req, answer.toString());
                    }
                }
                case RATE_LIMIT -> {
                    stamps[1] = System.currentTimeMillis() + faults.retryAfterSeconds() * 1000L;
                    send(ex, 429, "application/json", error("rate limited (injected)"),
                            Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())));
                }
                case RATE_LIMIT_DATE -> {
                    // An HTTP date has whole seconds: the next whole second past now + N, so the wait is N to N + 1 s.
                    Instant at = Instant.now().plusSeconds(faults.retryAfterSeconds() + 1L)
                            .truncatedTo(ChronoUnit.SECONDS);
                    stamps[1] = at.toEpochMilli();
                    send(ex, 429, "application/json", error("rate limited (injected)"),
                            Map.of("Retry-After", HTTP_DATE.format(at)));
                }
                case HTTP_500, HTTP_502, HTTP_503 -> send(ex, Integer.parseInt(fault.specName()),
                        "application/json", error("server error " + fault.specName() + " (injected)"), Map.of());
                case TRUNCATED -> {
                    byte[] body = completion(req, SchemaInstances.example(schema, rng).toString());
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    beforeAnswer(ex);
                    ex.sendResponseHeaders(200, body.length);
                    OutputStream os = ex.getResponseBody();
                    os.write(body, 0, body.length / 2);
                    os.flush();
                    // Closing the exchange short of the announced length drops the connection.
                }
                case NOT_JSON -> send(ex, 200, "text/html",
                        "<html><body><h1>502 Bad Gateway</h1>(injected)</body></html>".getBytes(StandardCharsets.UTF_8),
                        Map.of());
                case WRONG_SCHEMA -> sendCompletion(ex, req, violation(schema).toString());
                case RESET -> {
                    // Closing an exchange before its headers closes the connection: no status line reaches the client.
                }
                default -> throw new IllegalStateException(fault.name());
            }
        } catch (IOException e) {
            // The client gave up (its time-out) or the connection was dropped on purpose.
        } finally {
            long t1 = stamps[0] >= 0 ? stamps[0] : System.nanoTime();
            serverNanos.addAndGet(t1 - t0);
            if (stamps[0] < 0) {
                inFlight.decrementAndGet();
            }
            received.put(seq, new Received(seq, "/v1/chat/completions", t0, wall, t1, fault, stamps[1], text, hash));
        }
    }

    /** A value that is JSON but fails {@code schema}, or null when the schema accepts everything. */
    static JsonNode violation(JsonNode schema) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ObjectNode odd = n.objectNode().put("not_in_the_schema", "injected");
        ArrayNode empty = n.arrayNode();
        for (JsonNode candidate : List.of(odd, n.objectNode(), empty, n.textNode("injected"), n.numberNode(-12345),
                n.booleanNode(true), n.nullNode())) {
            if (!JsonSchemaCheck.problems(schema, candidate).isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    private void sendCompletion(HttpExchange ex, JsonNode req, String content) throws IOException {
        send(ex, 200, "application/json", completion(req, content), Map.of());
    }

    private static byte[] completion(JsonNode req, String content) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "chatcmpl-faulty").put("object", "chat.completion").put("created", 0)
                .put("model", req.path("model").asText("faulty"));
        out.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        int prompt = 0;
        for (JsonNode m : req.path("messages")) {
            prompt += m.path("content").asText("").length() / 4 + 1;
        }
        int completion = content.length() / 4 + 1;
        out.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return JSON.writeValueAsBytes(out);
    }

    private static byte[] error(String message) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", message).put("type", "server_error");
        return JSON.writeValueAsBytes(e);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", type);
        beforeAnswer(ex);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static void beforeAnswer(HttpExchange ex) {
        if (ex.getAttribute(BEFORE_ANSWER) instanceof Runnable r) {
            r.run();
        }
    }

    private static boolean sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Stops serving; requests asleep in a time-out fault are woken and dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Serves until the JVM is told to stop or the calling thread is interrupted, after printing
     * {@code serving a fault-injecting test model at URL}; {@code receco llm serve --faults SPEC} is this.
     */
    public static void serveUntilStopped(Faults faults, int port, java.io.PrintWriter out) throws IOException {
        FaultInjectingLlmServer s = start(faults, null, port);
        Thread hook = new Thread(s::close, "llm-faults-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("serving a fault-injecting test model at " + s.baseUri() + " (" + faults
                + "; OpenAI-compatible: /chat/completions, /embeddings, /models; Ctrl-C stops)");
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            s.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook is running or has run.
            }
        }
    }
}
