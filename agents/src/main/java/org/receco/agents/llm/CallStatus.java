package org.receco.agents.llm;

/** How a call ended, as recorded. */
public enum CallStatus {
    /** The first answer was valid. */
    OK,
    /** The first answer was invalid; the one repair request gave a valid one. */
    REPAIRED,
    /** No valid answer (faults past the retries, or invalid after the repair): the caller's fallback was used. */
    FALLBACK
}
