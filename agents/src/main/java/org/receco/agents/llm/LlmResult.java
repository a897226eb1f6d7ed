package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to one {@link LlmRequest}: the decision (valid against the request's schema, or its fallback), the
 * call's record, and whether it was replayed from recorded calls rather than asked of the model.
 *
 * @param decision the decision to act on
 * @param record the call's record (the recorded one when replayed)
 * @param replayed whether no request was sent
 */
public record LlmResult(JsonNode decision, LlmCallRecord record, boolean replayed) {
    /** Whether the caller's fallback was used. */
    public boolean isFallback() {
        return record.status() == CallStatus.FALLBACK;
    }
}
