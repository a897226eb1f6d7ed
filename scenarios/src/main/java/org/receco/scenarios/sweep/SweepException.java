package org.receco.scenarios.sweep;

/** A sweep cannot go on: its index belongs to another definition, or its output cannot be used. */
public final class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
