package org.receco.agents.llm;

/**
 * What one decision call did, flat so that a run-store table can be built from it: who asked and why, the cache
 * key, what was sent and received, how it ended and what it cost. Never holds an API key: the key is sent only
 * as a header and is redacted from every text the client keeps.
 *
 * @param round the simulation round
 * @param user the asking agent
 * @param purpose what the decision is
 * @param key SHA-256 (hex) of the request body: model, messages, parameters, seed and schema
 * @param model the model asked
 * @param requestJson the request body first sent
 * @param responseJson the last readable response body, or null when none came
 * @param decisionJson the decision taken: the model's valid answer or the fallback
 * @param status how the call ended
 * @param attempts HTTP requests made (retries and the repair included)
 * @param latencyMs wall time from the first request to the decision
 * @param promptTokens prompt tokens reported by the server, summed over attempts
 * @param completionTokens completion tokens reported by the server, summed over attempts
 * @param log one line per fault, retry, repair and fallback, in order; empty for a clean call
 */
public record LlmCallRecord(int round, long user, String purpose, String key, String model, String requestJson,
        String responseJson, String decisionJson, CallStatus status, int attempts, long latencyMs,
        long promptTokens, long completionTokens, String log) {
}
