package org.receco.agents.llm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counts of a client's work, safe to read from any thread at any time (e.g. by a progress bar): calls
 * submitted, finished and failed (fallback or error), HTTP requests sent and retried, replayed answers, tokens.
 */
public final class LlmCounters {
    final AtomicLong submitted = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong httpRequests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();
    final AtomicLong httpInFlight = new AtomicLong();
    final AtomicLong peakHttpInFlight = new AtomicLong();
    final AtomicLong httpNanos = new AtomicLong();

    /** Calls submitted and not yet answered. */
    public long inFlight() {
        return submitted.get() - done.get();
    }

    /** HTTP requests sent and not yet answered (at most the configured concurrency). */
    public long httpInFlight() {
        return httpInFlight.get();
    }

    /** The most HTTP requests that were in flight at once. */
    public long peakHttpInFlight() {
        return peakHttpInFlight.get();
    }

    /**
     * The time HTTP requests spent in flight, summed over requests, in nanoseconds: divided by a batch's wall
     * time it is the mean number in flight.
     */
    public long httpNanos() {
        return httpNanos.get();
    }

    public long done() {
        return done.get();
    }

    /** Calls that ended with the fallback decision or an error. */
    public long failures() {
        return failures.get();
    }

    /** HTTP requests sent (each retry and repair is one). */
    public long httpRequests() {
        return httpRequests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Calls answered from recorded calls without a request. */
    public long replayed() {
        return replayed.get();
    }

    public long promptTokens() {
        return promptTokens.get();
    }

    public long completionTokens() {
        return completionTokens.get();
    }

    public long tokens() {
        return promptTokens.get() + completionTokens.get();
    }

    @Override
    public String toString() {
        return "LLM calls: " + done() + " done, " + inFlight() + " in flight, " + failures() + " failed, "
                + httpRequests() + " requests (" + retries() + " retries), " + replayed() + " replayed, "
                + tokens() + " tokens";
    }
}
