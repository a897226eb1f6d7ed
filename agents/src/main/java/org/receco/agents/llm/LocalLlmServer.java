package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GGUF model served as an OpenAI-compatible endpoint on 127.0.0.1 only, through llama.cpp in the JVM
 * ({@code de.kherud:llama}): {@code GET /v1/models} lists it and {@code POST /v1/chat/completions} answers a
 * chat. A JSON schema in the request ({@code response_format.json_schema.schema} as OpenAI has it, or llama.cpp's
 * top-level {@code json_schema}) becomes a grammar that constrains sampling, so even a random-weight model
 * ({@link TinyModelWriter}) answers with schema-valid JSON. Completions run one at a time (the model has one
 * context); HTTP requests wait for their turn.
 *
 * <p>llama.cpp keeps native threads after the model is closed, so the JVM does not end by itself: a program that
 * uses this server must end with {@link System#exit}.
 */
public final class LocalLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT = 2048;

    private final LlamaModel model;
    private final String modelName;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final Object modelLock = new Object();

    private LocalLlmServer(LlamaModel model, String modelName, HttpServer server, ExecutorService executor) {
        this.model = model;
        this.modelName = modelName;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Loads {@code modelFile} and serves it on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param log where llama.cpp's warnings and errors go (its other messages are dropped), or null for none
     */
    public static LocalLlmServer start(Path modelFile, int port, PrintStream log) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException("model file not found: " + modelFile);
        }
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
            if (log != null && (level == LogLevel.ERROR || level == LogLevel.WARN)) {
                log.print("llama.cpp: " + message);
            }
        });
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        LlamaModel model = new LlamaModel(new ModelParameters().setModel(modelFile.toString())
                .setCtxSize(CONTEXT).setThreads(threads).setParallel(1)
                // Its server loop logs every request at INFO past the logger above; errors still raise.
                .disableLog());
        String name = modelFile.getFileName().toString().replaceFirst("\\.gguf$", "");
        HttpServer http;
        try {
            http = LoopbackHttp.create(port, 64);
        } catch (IOException e) {
            model.close();
            throw e;
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "llm-serve");
            t.setDaemon(true);
            return t;
        });
        LocalLlmServer s = new LocalLlmServer(model, name, http, executor);
        http.createContext("/v1/models", s::models);
        http.createContext("/v1/chat/completions", s::chat);
        http.setExecutor(executor);
        http.start();
        return s;
    }

    /** The base URL to configure a client with: {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The model's name: its file name without {@code .gguf}. */
    public String modelName() {
        return modelName;
    }

    private void models(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, error("use GET"));
                return;
            }
            ObjectNode list = JSON.createObjectNode().put("object", "list");
            list.putArray("data").addObject().put("id", modelName).put("object", "model").put("owned_by", "local");
            send(ex, 200, list);
        }
    }

    private void chat(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, error("use POST"));
                return;
            }
            JsonNode req;
            try (InputStream in = ex.getRequestBody()) {
                req = JSON.readTree(in);
            } catch (IOException e) {
                send(ex, 400, error("the body is not JSON: " + e.getMessage()));
                return;
            }
            JsonNode messages = req == null ? null : req.get("messages");
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                send(ex, 400, error("'messages' must be a non-empty array"));
                return;
            }
            JsonNode schema = schemaOf(req);
            String system = "";
            List<Pair<String, String>> turns = new ArrayList<>();
            for (JsonNode m : messages) {
                String role = m.path("role").asText("user");
                String content = m.path("content").asText("");
                if ("system".equals(role)) {
                    system = system.isEmpty() ? content : system + "\n" + content;
                } else {
                    turns.add(new Pair<>(role, content));
                }
            }
            ObjectNode out;
            try {
                out = complete(req, system, turns, schema);
            } catch (RuntimeException e) {
                send(ex, 500, error("completion failed: " + e.getMessage()));
                return;
            }
            send(ex, 200, out);
        }
    }

    /**
     * The JSON schema a request asks for, read where llama.cpp's server reads it: OpenAI's
     * {@code response_format: {type: json_schema, json_schema: {schema}}}, {@code response_format.schema} (its
     * {@code json_object} form), or its own top-level {@code json_schema}; null for none.
     */
    static JsonNode schemaOf(JsonNode req) {
        JsonNode rf = req.path("response_format");
        JsonNode s = rf.path("json_schema").path("schema");
        if (s.isObject()) {
            return s;
        }
        if (rf.path("schema").isObject()) {
            return rf.get("schema");
        }
        if (req.path("json_schema").isObject()) {
            return req.get("json_schema");
        }
        if ("json_object".equals(rf.path("type").asText())) {
            return JSON.createObjectNode().put("type", "object");
        }
        return null;
    }

    private ObjectNode complete(JsonNode req, String system, List<Pair<String, String>> turns, JsonNode schema) {
        String text;
        int promptTokens;
        int completionTokens;
        synchronized (modelLock) {
            String prompt = model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
            InferenceParameters p = new InferenceParameters(prompt)
                    .setNPredict(req.path("max_tokens").asInt(256))
                    .setTemperature((float) req.path("temperature").asDouble(0.8))
                    .setSeed(req.path("seed").asInt(0))
                    .setCachePrompt(false);
            if (schema != null) {
                p.setGrammar(LlamaModel.jsonSchemaToGrammar(schema.toString()));
            }
            text = model.complete(p);
            promptTokens = model.encode(prompt).length;
            completionTokens = model.encode(text).length;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "chatcmpl-" + ids.incrementAndGet());
        out.put("object", "chat.completion");
        out.put("created", System.currentTimeMillis() / 1000);
        out.put("model", modelName);
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text.strip());
        choice.put("finish_reason", "stop");
        out.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return out;
    }

    private static ObjectNode error(String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", message).put("type", "invalid_request_error");
        return e;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    /** Stops serving and frees the model. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        synchronized (modelLock) {
            model.close();
        }
    }

    /**
     * {@code LocalLlmServer --model FILE [--port N]}: serves until the process is stopped (Ctrl-C, SIGTERM), after
     * printing {@code serving MODEL at URL}. For tests and scripts; {@code receco llm serve} is the same.
     */
    public static void main(String[] args) {
        Path file = null;
        int port = 8089;
        for (int i = 0; i < args.length; i++) {
            if ("--model".equals(args[i]) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: LocalLlmServer --model FILE [--port N]");
                System.exit(2);
            }
        }
        if (file == null) {
            System.err.println("usage: LocalLlmServer --model FILE [--port N]");
            System.exit(2);
        }
        try {
            serveUntilStopped(file, port, new java.io.PrintWriter(System.out, true), System.err);
        } catch (IOException e) {
            System.err.println("llm serve: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Serves {@code file} on {@code port}, prints the URL to {@code out}, and blocks until the JVM is told to stop
     * (its shutdown then closes the server and the model).
     */
    public static void serveUntilStopped(Path file, int port, java.io.PrintWriter out, PrintStream err)
            throws IOException {
        LocalLlmServer s = start(file, port, err);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "llm-serve-stop"));
        out.println("serving " + s.modelName() + " at " + s.baseUri() + " (OpenAI-compatible: /chat/completions, "
                + "/models; Ctrl-C stops)");
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
