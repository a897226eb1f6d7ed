package org.receco.core.util;

/**
 * Named steps of a run's record at which a test ends the JVM as SIGKILL would ({@code Runtime.halt}: no shutdown
 * hook, no finally block), so that a kill lands on each step exactly rather than by timing. The step is named by
 * the system property {@value #PROPERTY}; unset (always, outside the kill tests), {@link #reach} does nothing.
 */
public final class KillPoints {
    /** The system property naming the step to halt at. */
    public static final String PROPERTY = "receco.test.haltAt";
    /** The exit status of a halted JVM: what a shell reports for SIGKILL (128 + 9). */
    public static final int STATUS = 137;
    private static final String HALT_AT = System.getProperty(PROPERTY);

    private KillPoints() {
    }

    /** Halts the JVM when {@code step} is the one {@value #PROPERTY} names. */
    public static void reach(String step) {
        if (step.equals(HALT_AT)) {
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
