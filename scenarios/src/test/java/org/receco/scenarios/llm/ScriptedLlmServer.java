package org.receco.scenarios.llm;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat-completions server on 127.0.0.1 that answers the LLM users' page prompts from the persona fields in
 * them, through the real protocol ({@code GET /v1/models}, {@code POST /v1/chat/completions}): a user of activity
 * low leaves after page 1, medium after page 2, high browses to page 5; it clicks the items whose number matches
 * the round's parity and rates them by its rating tendency. Its answers depend only on the request, so they are
 * the same whatever order requests arrive in. Counts every request and keeps the Authorization headers.
 */
final class ScriptedLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTIVITY = Pattern.compile("Activity: (low|medium|high)\\.");
    private static final Pattern PAGE = Pattern.compile("You are on page (\\d+)");
    private static final Pattern ROUND = Pattern.compile("^Round (\\d+)\\.");
    private static final Pattern ITEM = Pattern.compile("(?m)^(\\d+)\\. \"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    ScriptedLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/v1/models", ex -> {
            requests.incrementAndGet();
            send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"scripted\",\"object\":\"model\"}]}");
        });
        server.createContext("/v1/chat/completions", this::chat);
        server.setExecutor(executor);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** HTTP requests of any kind received so far. */
    int requests() {
        return requests.get();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void chat(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        JsonNode req = JSON.readTree(ex.getRequestBody());
        String system = req.path("messages").path(0).path("content").asText();
        String user = req.path("messages").path(1).path("content").asText();
        Matcher a = ACTIVITY.matcher(system);
        Matcher p = PAGE.matcher(user);
        Matcher r = ROUND.matcher(user);
        if (!a.find() || !p.find() || !r.find()) {
            send(ex, 400, "{\"error\":{\"message\":\"not a page prompt\"}}");
            return;
        }
        int lastPage = switch (a.group(1)) {
            case "low" -> 1;
            case "medium" -> 2;
            default -> 5;
        };
        int page = Integer.parseInt(p.group(1));
        int round = Integer.parseInt(r.group(1));
        boolean generous = system.contains("You rate generously");
        ObjectNode decision = JSON.createObjectNode();
        ArrayNode items = decision.putArray("items");
        Matcher it = ITEM.matcher(user);
        while (it.find()) {
            int k = Integer.parseInt(it.group(1));
            boolean click = (k + round) % 2 == 0;
            items.addObject().put("fits", click).put("click", click).put("rating", generous ? 5 : 3)
                    .put("reason", "item " + k + " on page " + page);
        }
        decision.put("next", page < lastPage ? "NEXT" : "EXIT");
        ObjectNode out = JSON.createObjectNode().put("id", "scripted").put("object", "chat.completion");
        ObjectNode choice = out.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", decision.toString());
        choice.put("finish_reason", "stop");
        out.putObject("usage").put("prompt_tokens", user.length() / 4).put("completion_tokens", 30);
        send(ex, 200, out.toString());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
