package org.receco.agents.llm;

/** In strict replay mode, a request has no recorded call: the run cannot be replayed without the model. */
public final class LlmReplayMissException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmReplayMissException(String message) {
        super(message);
    }
}
