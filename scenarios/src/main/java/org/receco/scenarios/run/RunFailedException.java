package org.receco.scenarios.run;

/** A run that stopped with an error; its result says how far it got (the database holds those rounds). */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RunResult result;

    public RunFailedException(RunResult result, Throwable cause) {
        super("run failed after " + result.manifest().roundsCompleted() + " rounds: " + cause.getMessage(), cause);
        this.result = result;
    }

    public RunResult result() {
        return result;
    }
}
