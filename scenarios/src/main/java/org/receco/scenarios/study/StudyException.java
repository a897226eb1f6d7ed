package org.receco.scenarios.study;

/** An invalid study file or option; the CLI prints its message and exits 2. */
public final class StudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StudyException(String message) {
        super(message);
    }
}
