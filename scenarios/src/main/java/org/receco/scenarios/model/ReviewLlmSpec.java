package org.receco.scenarios.model;

import org.receco.agents.llm.LlmConfig;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * The LLM endpoint an Agent4SR-style attack writes its reviews with (Gu et al. 2025, Agent4SR); an empty
 * endpoint means the built-in template generator, which the store names {@code template}.
 */
@Doc("LLM endpoint for the agent4sr attacker's review texts; endpoint empty = the built-in template generator.")
public record ReviewLlmSpec(
        @Doc("OpenAI-compatible base URL ending in /v1, e.g. http://127.0.0.1:8089/v1 (empty = template texts).")
        String endpoint,
        @Doc("Model name sent with each request.") String model,
        @Doc("Sampling temperature.") @Range(min = 0, max = 2) double temperature,
        @Doc("Token limit of each review's completion.") @Range(min = 1, max = 4096) int maxTokens,
        @Doc("Sampling seed sent.") long seed,
        @Doc("Name of the environment variable holding the API key (empty = none).") String apiKeyEnv,
        @Doc("Most requests the attack may send (0 = no limit).") @Range(min = 0) long budgetCalls) {

    public ReviewLlmSpec {
        endpoint = endpoint == null ? "" : endpoint.strip();
        model = model == null ? "" : model.strip();
        apiKeyEnv = apiKeyEnv == null ? "" : apiKeyEnv.strip();
        if (!endpoint.isEmpty() && model.isEmpty()) {
            throw new IllegalArgumentException("an llm endpoint needs a model name (llm.model)");
        }
        if (!endpoint.isEmpty() && !(endpoint.startsWith("http://") || endpoint.startsWith("https://"))) {
            throw new IllegalArgumentException("llm.endpoint must be an http:// or https:// URL, got '" + endpoint
                    + "'");
        }
    }

    /** Whether texts come from an LLM (an endpoint is given). */
    public boolean enabled() {
        return !endpoint.isEmpty();
    }

    /** The client configuration. */
    public LlmConfig config() {
        LlmConfig c = LlmConfig.of(endpoint, model).withSampling(temperature, maxTokens, seed)
                .withBudget(budgetCalls, 0);
        return apiKeyEnv.isEmpty() ? c : c.withApiKeyEnv(apiKeyEnv);
    }
}
