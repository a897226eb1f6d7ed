package org.receco.agents.llm;

/**
 * The run's LLM budget (calls or tokens) is spent: the client sends no further requests. A run reports this and
 * stops cleanly rather than continuing with fallback decisions it did not ask for.
 */
public final class LlmBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmBudgetExceededException(String message) {
        super(message);
    }
}
