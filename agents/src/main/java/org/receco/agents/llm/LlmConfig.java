package org.receco.agents.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a model and how hard to try. Holds the <em>name</em> of the environment variable with the API key,
 * never the key itself, so a config can be printed, stored and compared freely.
 *
 * @param endpoint the OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:8089/v1}; requests go to
 *        {@code endpoint + /chat/completions}
 * @param model the model name sent
 * @param temperature the sampling temperature sent
 * @param maxTokens the completion's token limit sent ({@code max_tokens})
 * @param seed the sampling seed sent (and the seed of the retry jitter)
 * @param concurrency how many HTTP requests may be in flight at once
 * @param timeout how long one HTTP request may take, body included
 * @param retries how many times a request is repeated after a time-out, a network error, HTTP 429 or 5xx or an
 *        unreadable body
 * @param backoff the first retry's base delay; it doubles with each retry, times a seeded jitter in [0.5, 1.5)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones wait this long
 * @param budgetCalls the most HTTP requests a run may send (0: no limit)
 * @param budgetTokens the most tokens (prompt + completion) a run may use (0: no limit)
 * @param apiKeyEnv the environment variable holding the API key, sent as a bearer token; null for none
 * @param schemaFields how the schema is put into the request
 * @param cacheDir the directory of recorded calls ({@code llm.cache}); null for none
 * @param cacheMode how recorded calls are used
 */
public record LlmConfig(URI endpoint, String model, double temperature, int maxTokens, long seed, int concurrency,
        Duration timeout, int retries, Duration backoff, Duration maxRetryAfter, long budgetCalls,
        long budgetTokens, String apiKeyEnv, SchemaFields schemaFields, Path cacheDir, CacheMode cacheMode) {

    /** Where the request carries the JSON schema; servers differ in what they accept. */
    public enum SchemaFields {
        /**
         * OpenAI's {@code response_format: {type: json_schema, json_schema: {name, strict, schema}}}: hosted
         * OpenAI-compatible APIs, vLLM, Ollama and llama.cpp's server accept it.
         */
        RESPONSE_FORMAT,
        /** llama.cpp's own top-level {@code json_schema}. */
        JSON_SCHEMA,
        /** Both; for servers that ignore unknown fields (hosted APIs may reject the extra field). */
        BOTH
    }

    /** How recorded calls ({@link #cacheDir}) are used. */
    public enum CacheMode {
        /** Recorded calls answer matching requests; other requests go to the model and are recorded. */
        RECORD,
        /** Only recorded calls answer; no request is sent, and a request without a record is an error. */
        REPLAY
    }

    public LlmConfig {
        Objects.requireNonNull(endpoint, "llm endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("llm endpoint '" + endpoint + "' must be an http or https URL");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("llm model must be named");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("llm temperature " + temperature + " must be in [0, 2]");
        }
        positive("max tokens", maxTokens);
        positive("concurrency", concurrency);
        if (retries < 0) {
            throw new IllegalArgumentException("llm retries " + retries + " must be 0 or more");
        }
        positive("timeout", timeout);
        positive("backoff", backoff);
        positive("max retry-after", maxRetryAfter);
        if (budgetCalls < 0 || budgetTokens < 0) {
            throw new IllegalArgumentException("llm budgets must be 0 (no limit) or more");
        }
        if (apiKeyEnv != null && apiKeyEnv.isBlank()) {
            apiKeyEnv = null;
        }
        Objects.requireNonNull(schemaFields, "llm schema fields");
        Objects.requireNonNull(cacheMode, "llm cache mode");
        if (cacheMode == CacheMode.REPLAY && cacheDir == null) {
            throw new IllegalArgumentException("llm replay needs a cache directory of recorded calls");
        }
    }

    private static void positive(String what, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException("llm " + what + " " + v + " must be positive");
        }
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("llm " + what + " " + d + " must be positive");
        }
    }

    /**
     * The defaults for {@code endpoint} and {@code model}: temperature 0.7, 256 tokens, seed 1, 64 in flight,
     * 60 s time-out, 3 retries from 500 ms, Retry-After up to 60 s, no budget, no key, the schema as
     * {@code response_format}, no cache.
     */
    public static LlmConfig of(String endpoint, String model) {
        return new LlmConfig(URI.create(endpoint), model, 0.7, 256, 1, 64, Duration.ofSeconds(60), 3,
                Duration.ofMillis(500), Duration.ofSeconds(60), 0, 0, null, SchemaFields.RESPONSE_FORMAT, null,
                CacheMode.RECORD);
    }

    public LlmConfig withSampling(double temperature, int maxTokens, long seed) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withConcurrency(int concurrency) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withRetries(Duration timeout, int retries, Duration backoff, Duration maxRetryAfter) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withBudget(long budgetCalls, long budgetTokens) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withApiKeyEnv(String apiKeyEnv) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withSchemaFields(SchemaFields schemaFields) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    public LlmConfig withCache(Path cacheDir, CacheMode cacheMode) {
        return new LlmConfig(endpoint, model, temperature, maxTokens, seed, concurrency, timeout, retries, backoff,
                maxRetryAfter, budgetCalls, budgetTokens, apiKeyEnv, schemaFields, cacheDir, cacheMode);
    }

    /** The URL of chat completions. */
    URI chatCompletions() {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }
}
