package org.receco.agents.users.llm;

import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of the LLM-profiled users ({@link LlmUserModel}): where the model is and how hard to try (the
 * client's {@link org.receco.agents.llm.LlmConfig}), and Agent4Rec's page protocol (Zhang et al., "On Generative
 * Agents in Recommendation", SIGIR 2024: pages of 4, at most 5). Holds the <em>name</em> of the API key's
 * environment variable, never the key.
 */
public record LlmUserParams(
        @Doc("OpenAI-compatible base URL; requests go to ENDPOINT/chat/completions (llama.cpp or vLLM server, Ollama's http://127.0.0.1:11434/v1, a hosted API).")
        String endpoint,
        @Doc("Model name sent with each request (receco llm serve: the model file's name without .gguf).")
        String model,
        @Doc("Environment variable holding the API key, sent as a bearer token and never stored or logged (\"\" = no key).")
        String apiKeyEnv,
        @Doc("Sampling temperature sent.")
        @Range(min = 0, max = 2) double temperature,
        @Doc("Completion token limit sent (max_tokens) for one page decision.")
        @Range(min = 16, max = 100000) int maxTokens,
        @Doc("Sampling seed; each request sends a seed mixed from it, the round, the user and the page.")
        @Range(min = 0, max = 2147483647) long seed,
        @Doc("Most requests of this population in flight at once.")
        @Range(min = 1, max = 4096) int concurrency,
        @Doc("Time-out of one HTTP request, body included (seconds).")
        @Range(min = 0.01, max = 3600) double timeoutSeconds,
        @Doc("Retries of a request after a time-out, network error, HTTP 429 or 5xx, or an unreadable body.")
        @Range(min = 0, max = 20) int retries,
        @Doc("Most HTTP requests the run may send; when spent the run stops with a clear message (0 = no limit).")
        @Range(min = 0, max = 1e15) long budgetCalls,
        @Doc("Most tokens (prompt + completion) the run may use (0 = no limit).")
        @Range(min = 0, max = 1e15) long budgetTokens,
        @Doc("Items per page of the slate (Agent4Rec: 4).")
        @Range(min = 1, max = 50) int pageSize,
        @Doc("Most pages a user views per round (Agent4Rec: 5); a user may EXIT earlier.")
        @Range(min = 1, max = 100) int maxPages,
        @Doc("Memories in each prompt: the most recent half and the rest most relevant to the page's items.")
        @Range(min = 0, max = 50) int memories,
        @Doc("How memories are found relevant to a page: minilm = all-MiniLM-L6-v2 sentence embeddings run in the JVM (offline); endpoint = the server's /v1/embeddings with embeddingModel; none = no embedding, the most recent only.")
        Embedding embedder,
        @Doc("Embedding model sent to ENDPOINT/embeddings when embedder is endpoint (\"\" = the chat model).")
        String embeddingModel,
        @Doc("Persona file (JSON Lines: {\"user\": index, \"taste\", \"ratingTendency\", \"activity\", \"conformity\", \"diversity\", \"demographics\"}); \"\" = generated from the latent users.")
        String persona,
        @Doc("Decision when the model gives no valid answer after the retries and one repair: latent = the simuline twin's choice from the user's seeded stream; exit = no click, leave.")
        Fallback fallback,
        @Doc("How the JSON schema is sent: response_format (OpenAI, vLLM, Ollama, llama.cpp), json_schema (llama.cpp's own field) or both.")
        SchemaField schema,
        @Doc("Directory of recorded calls shared between runs (llm.cache): a recorded request is answered from it, new ones are added (\"\" = none).")
        String cache) {

    /** What embeds memories and page items for retrieval ({@link org.receco.agents.llm.memory.Embedder}). */
    public enum Embedding { minilm, endpoint, none }

    /** What a page decision is when no valid answer comes. */
    public enum Fallback { latent, exit }

    /** Where the request carries the schema ({@link org.receco.agents.llm.LlmConfig.SchemaFields}). */
    public enum SchemaField { response_format, json_schema, both }

    public LlmUserParams {
        if (endpoint == null || model == null || fallback == null || schema == null || embedder == null) {
            throw new IllegalArgumentException("llm users need endpoint, model, embedder, fallback and schema");
        }
        embeddingModel = embeddingModel == null ? "" : embeddingModel;
        apiKeyEnv = apiKeyEnv == null ? "" : apiKeyEnv;
        persona = persona == null ? "" : persona;
        cache = cache == null ? "" : cache;
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must be an http:// or https:// URL");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must be named");
        }
        Bounds.check(LlmUserParams.class, "", endpoint, model, apiKeyEnv, temperature, maxTokens, seed, concurrency,
                timeoutSeconds, retries, budgetCalls, budgetTokens, pageSize, maxPages, memories, embedder,
                embeddingModel, persona, fallback, schema, cache);
    }

    /**
     * The local server of {@code receco llm serve --model runs/tiny.gguf --port 8089}, Agent4Rec's pages, memories
     * embedded by MiniLM: relevance by meaning as Agent4Rec retrieves, with no server support or network needed.
     */
    public static LlmUserParams defaults() {
        return new LlmUserParams("http://127.0.0.1:8089/v1", "tiny", "", 0.7, 400, 1, 64, 60, 3, 0, 0, 4, 5, 4,
                Embedding.minilm, "", "", Fallback.latent, SchemaField.response_format, "");
    }
}
