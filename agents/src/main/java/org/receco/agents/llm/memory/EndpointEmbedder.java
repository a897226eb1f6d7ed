package org.receco.agents.llm.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.receco.agents.llm.CallRecordSink;
import org.receco.agents.llm.CallRecordSource;
import org.receco.agents.llm.CallStatus;
import org.receco.agents.llm.LlmCallRecord;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmConfig;
import org.receco.agents.llm.LlmReplayMissException;

/**
 * Embeddings from an OpenAI-compatible {@code POST /v1/embeddings} (OpenAI, llama.cpp's server with
 * {@code --embeddings}, vLLM, Ollama), reached as {@link LlmConfig} says: its endpoint, time-out, retries with
 * doubling back-off on a time-out, a network error, HTTP 429 or 5xx (honouring {@code Retry-After} up to
 * {@link LlmConfig#maxRetryAfter()}), and the API key from the environment variable it names. The key goes only
 * into the {@code Authorization} header; every message this class throws is redacted of it.
 *
 * <p>One request per {@link #embed} call, all texts in its {@code input} array; answers are put back in input
 * order by their {@code index}. The vector length is learnt from the first answer. Thread-safe.
 *
 * <p>Recorded and replayable as the chat calls are ({@link #withRecords}, {@link #call}): every call is an
 * {@link LlmCallRecord} keyed by the SHA-256 of the request body's UTF-8 bytes (written with its keys sorted:
 * {@code encoding_format}, {@code input}, {@code model}), holding the body, the server's answer (redacted of the
 * key) as its response, no decision, the attempts, latency, the prompt tokens reported and a log line per retry.
 * A call whose key is recorded is answered from the recorded response without a request; in
 * {@link LlmConfig.CacheMode#REPLAY} nothing is ever sent and an unrecorded call fails with
 * {@link LlmReplayMissException}.
 */
public final class EndpointEmbedder implements Embedder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_BODY = 200;

    private final LlmConfig config;
    private final String model;
    private final URI url;
    private final String apiKey;
    private final HttpClient http;
    private final CallRecordSource source;
    private final CallRecordSink sink;
    private volatile int dims;

    /**
     * What one embedding call gave.
     *
     * @param vectors  one normalised vector per text, in input order
     * @param record   the call's record (the recorded one when replayed); null for a call of no texts
     * @param replayed whether it was answered from a record, without a request
     */
    public record Call(float[][] vectors, LlmCallRecord record, boolean replayed) {
    }

    /**
     * @param config how to reach the server (its {@code model} is the chat model, not used here)
     * @param model  the embedding model's name sent, e.g. {@code text-embedding-3-small}
     */
    public EndpointEmbedder(LlmConfig config, String model) {
        this(config, model, System::getenv);
    }

    /** As {@link #EndpointEmbedder(LlmConfig, String)}, with {@code env} for the environment. */
    public EndpointEmbedder(LlmConfig config, String model, Function<String, String> env) {
        this(config, model, env, null, null);
    }

    /**
     * As {@link #EndpointEmbedder(LlmConfig, String, Function)}, answering from {@code source} (recorded calls, or
     * null) and writing the records of the calls it makes to {@code sink} (or nowhere when null); when
     * {@code config}'s cache mode is {@link LlmConfig.CacheMode#REPLAY} no request is ever sent.
     */
    public EndpointEmbedder(LlmConfig config, String model, Function<String, String> env, CallRecordSource source,
            CallRecordSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.cacheMode() == LlmConfig.CacheMode.REPLAY && source == null) {
            throw new IllegalArgumentException("embedding replay needs recorded calls");
        }
        this.source = source;
        this.sink = sink;
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("embedding model must be named");
        }
        this.model = model;
        if (config.apiKeyEnv() != null) {
            String key = env.apply(config.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("embedding api key: the environment variable "
                        + config.apiKeyEnv() + " is not set");
            }
            this.apiKey = key.strip();
        } else {
            this.apiKey = null;
        }
        String base = config.endpoint().toString();
        this.url = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/embeddings");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout())
                .build();
    }

    @Override
    public String name() {
        return model + " at " + url;
    }

    /** The vector length; asks the server (embedding one word) when no answer has said it yet. */
    @Override
    public int dims() {
        if (dims == 0) {
            embed(List.of("dimensions"));
        }
        return dims;
    }

    @Override
    public float[][] embed(List<String> texts) {
        return call(-1, -1, "embeddings", texts).vectors();
    }

    /**
     * Embeds {@code texts} in one request, or answers from the record of an equal request; the record of a new call
     * goes to the sink, labelled {@code round}, {@code user} and {@code purpose}.
     *
     * @throws LlmReplayMissException in replay mode, when the request is not recorded
     * @throws IllegalStateException when the server gives no usable answer after the retries
     */
    public Call call(int round, long user, String purpose, List<String> texts) {
        if (texts.isEmpty()) {
            return new Call(new float[0][], null, false);
        }
        String body = body(texts);
        String key = LlmClient.sha256(body.getBytes(StandardCharsets.UTF_8));
        if (source != null) {
            Optional<LlmCallRecord> hit = source.find(key);
            if (hit.isPresent()) {
                LlmCallRecord r = hit.get();
                JsonNode answer;
                try {
                    answer = JSON.readTree(r.responseJson());
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("recorded embedding call " + key + " has no readable response");
                }
                return new Call(vectors(answer, texts.size()), r, true);
            }
            if (config.cacheMode() == LlmConfig.CacheMode.REPLAY) {
                throw new LlmReplayMissException("llm replay: no recorded embedding call for round " + round
                        + ", purpose '" + purpose + "' (" + texts.size() + " texts, key " + key + ") in "
                        + config.cacheDir() + "; record it with cache mode 'record'");
            }
        }
        long started = System.nanoTime();
        StringBuilder log = new StringBuilder();
        int[] attempts = new int[1];
        String response = post(body, attempts, log);
        JsonNode answer;
        try {
            answer = JSON.readTree(response);
        } catch (IOException e) {
            throw new IllegalStateException("embeddings from " + url + ": the answer is not JSON: "
                    + quote(response));
        }
        float[][] vectors = vectors(answer, texts.size());
        LlmCallRecord record = new LlmCallRecord(round, user, purpose, key, model, redact(body), redact(response),
                null, CallStatus.OK, attempts[0], (System.nanoTime() - started) / 1_000_000,
                answer.path("usage").path("prompt_tokens").asLong(0), 0, log.toString());
        if (sink != null) {
            try {
                sink.append(record);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not record an embedding call: " + e.getMessage(), e);
            }
        }
        return new Call(vectors, record, false);
    }

    /** The request body, its keys sorted, so that equal requests have equal bytes and the key is well defined. */
    private String body(List<String> texts) {
        ObjectNode body = JSON.createObjectNode().put("encoding_format", "float");
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        body.put("model", model);
        return body.toString();
    }

    /** The 200 answer's body; {@code attempts[0]} counts the requests and {@code log} gets a line per retry. */
    private String post(String body, int[] attempts, StringBuilder log) {
        long delay = config.backoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            attempts[0] = attempt + 1;
            HttpRequest.Builder rb = HttpRequest.newBuilder(url).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (apiKey != null) {
                rb.header("Authorization", "Bearer " + apiKey);
            }
            String why;
            long wait = delay;
            try {
                HttpResponse<String> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
                int status = resp.statusCode();
                if (status == 200) {
                    return resp.body();
                }
                why = "HTTP " + status + " " + quote(resp.body());
                if (status != 429 && status < 500) {
                    throw new IllegalStateException("embeddings from " + url + " failed: " + why);
                }
                Long retryAfter = retryAfterMillis(resp);
                if (retryAfter != null) {
                    wait = Math.min(retryAfter, config.maxRetryAfter().toMillis());
                }
            } catch (HttpTimeoutException e) {
                why = "no answer within " + config.timeout();
            } catch (IOException e) {
                why = "network error: " + redact(String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("embeddings from " + url + ": interrupted");
            }
            if (attempt >= config.retries()) {
                throw new IllegalStateException("embeddings from " + url + " failed after " + (attempt + 1)
                        + " attempt(s): " + why);
            }
            if (log.length() > 0) {
                log.append('\n');
            }
            log.append("attempt ").append(attempt + 1).append(' ').append(redact(why)).append("; retry ")
                    .append(attempt + 1).append(" of ").append(config.retries()).append(" in ").append(wait)
                    .append(" ms");
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("embeddings from " + url + ": interrupted");
            }
            delay *= 2;
        }
    }

    private float[][] vectors(JsonNode answer, int n) {
        JsonNode data = answer.path("data");
        if (!data.isArray() || data.size() != n) {
            throw new IllegalStateException("embeddings from " + url + ": expected " + n + " vectors in `data`, got "
                    + quote(answer.toString()));
        }
        float[][] out = new float[n][];
        for (JsonNode d : data) {
            int i = d.path("index").asInt(-1);
            JsonNode e = d.path("embedding");
            if (i < 0 || i >= n || out[i] != null || !e.isArray() || e.isEmpty()) {
                throw new IllegalStateException("embeddings from " + url + ": a malformed entry "
                        + quote(d.toString()));
            }
            float[] v = new float[e.size()];
            for (int k = 0; k < v.length; k++) {
                if (!e.get(k).isNumber()) {
                    throw new IllegalStateException("embeddings from " + url + ": a non-number in vector " + i);
                }
                v[k] = e.get(k).floatValue();
            }
            int known = dims;
            if (known != 0 && known != v.length) {
                throw new IllegalStateException("embeddings from " + url + ": vector " + i + " has " + v.length
                        + " dimensions, earlier ones " + known);
            }
            dims = v.length;
            out[i] = Embedder.normalise(v);
        }
        return out;
    }

    /** {@code Retry-After} as delay-seconds, in milliseconds; null when absent or not a number. */
    private static Long retryAfterMillis(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").map(s -> {
            try {
                return Math.max(0L, Math.round(Double.parseDouble(s.trim()) * 1000));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private String quote(String body) {
        String s = redact(body == null ? "" : body);
        return "'" + (s.length() > MAX_QUOTED_BODY ? s.substring(0, MAX_QUOTED_BODY) + "..." : s) + "'";
    }

    private String redact(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, "[api key]");
    }
}
