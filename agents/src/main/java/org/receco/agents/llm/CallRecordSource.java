package org.receco.agents.llm;

import java.util.Optional;

/**
 * Recorded calls looked up by request key, for replay. Implemented by {@link JsonlCallCache}; a run store can
 * implement it over its own table of calls.
 */
public interface CallRecordSource {
    /** The first recorded call with {@code key}, if any. Must be safe to call from several threads. */
    Optional<LlmCallRecord> find(String key);
}
