package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One decision asked of a model: who asks and why (for the record), the chat, the JSON schema the answer must
 * satisfy and the decision taken when the model gives no valid answer.
 *
 * @param round the simulation round (for the record)
 * @param user the asking agent's id (for the record)
 * @param purpose what the decision is, e.g. {@code page-choice} (for the record)
 * @param messages the chat sent
 * @param schema the JSON schema of a valid answer
 * @param fallback the decision used, and recorded as such, when no valid answer comes
 * @param seed the sampling seed sent, or null for the configured one
 */
public record LlmRequest(int round, long user, String purpose, List<ChatMessage> messages, JsonNode schema,
        JsonNode fallback, Long seed) {
    public LlmRequest {
        Objects.requireNonNull(purpose, "purpose");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** A request with the configured seed. */
    public LlmRequest(int round, long user, String purpose, List<ChatMessage> messages, JsonNode schema,
            JsonNode fallback) {
        this(round, user, purpose, messages, schema, fallback, null);
    }
}
