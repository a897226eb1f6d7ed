package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted chat-completions server on 127.0.0.1 for the client's tests: a {@link Script} decides each reply
 * from the request and how many times that request's id (the text of its first user message) was seen, so the
 * replies, faults included, are the same whatever order the requests arrive in. It counts requests and keeps,
 * per id, the faults it injected.
 */
final class ChatTestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A reply: a status, headers, a body; {@code truncate} sends half the body of the announced length, then
     * waits {@code stallMs} and drops the connection; a delay before anything is sent.
     */
    record Reply(int status, Map<String, String> headers, String body, boolean truncate, long delayMs, String fault,
            long stallMs) {
        Reply(int status, Map<String, String> headers, String body, boolean truncate, long delayMs, String fault) {
            this(status, headers, body, truncate, delayMs, fault, 0);
        }

        static Reply content(String content) {
            return new Reply(200, Map.of(), completion(content), false, 0, null);
        }

        Reply stallingFor(long ms) {
            return new Reply(status, headers, body, truncate, delayMs, fault, ms);
        }
    }

    /** What to answer to the {@code seen}-th request (0-based) with this id. */
    interface Script {
        Reply reply(String id, int seen, JsonNode request, String authorization);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, List<String>> faults = new ConcurrentHashMap<>();
    private final List<String> authorizations = java.util.Collections.synchronizedList(new ArrayList<>());

    ChatTestServer(Script script) throws IOException {
        server = LoopbackHttp.create(0, 128);
        server.createContext("/v1/chat/completions", ex -> handle(ex, script));
        server.setExecutor(executor);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    int seen(String id) {
        AtomicInteger n = seen.get(id);
        return n == null ? 0 : n.get();
    }

    List<String> faults(String id) {
        return faults.getOrDefault(id, List.of());
    }

    List<String> authorizations() {
        return authorizations;
    }

    /** The id of a request: its first user message. */
    static String id(JsonNode request) {
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        return "";
    }

    static String completion(String content) {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "x").put("object", "chat.completion").put("model", "scripted");
        out.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        out.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return out.toString();
    }

    private void handle(HttpExchange ex, Script script) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String id = id(req);
            int n = seen.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement();
            Reply r = script.reply(id, n, req, auth);
            if (r.fault() != null) {
                faults.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(r.fault());
            }
            if (!sleep(r.delayMs())) {
                return;
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (r.truncate()) {
                ex.sendResponseHeaders(r.status(), body.length * 2L);
                OutputStream os = ex.getResponseBody();
                os.write(body, 0, body.length / 2);
                os.flush();
                sleep(r.stallMs());
                // Closing short of the announced length drops the connection: the client sees a cut body.
                return;
            }
            ex.sendResponseHeaders(r.status(), body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        } catch (IOException e) {
            // The client gave up (time-out) or the body was cut on purpose.
        }
    }

    private static boolean sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
