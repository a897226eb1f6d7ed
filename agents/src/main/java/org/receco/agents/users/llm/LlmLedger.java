package org.receco.agents.users.llm;

import java.util.Arrays;
import org.receco.agents.llm.CallStatus;
import org.receco.agents.llm.LlmCallRecord;
import org.receco.core.spi.MetricRecorder;

/**
 * The run's LLM calls of one round, over every LLM population: how many, how many met a fault (a retry, a repair
 * or the fallback), how many fell back, their tokens and latency percentiles, recorded as the {@code llm.*}
 * metrics. Replayed calls count with their recorded tokens and latency, so a replay's ledger is the original's.
 * Not thread-safe: written on the scheduler thread.
 */
final class LlmLedger {
    private int round = -1;
    private int calls;
    private int failures;
    private int fallbacks;
    private long tokens;
    private long[] latency = new long[16];

    /** Counts {@code r}, a call of {@code round}; a new round starts the counts again. */
    void add(int round, LlmCallRecord r) {
        if (round != this.round) {
            this.round = round;
            calls = 0;
            failures = 0;
            fallbacks = 0;
            tokens = 0;
        }
        if (calls == latency.length) {
            latency = Arrays.copyOf(latency, calls * 2);
        }
        latency[calls++] = r.latencyMs();
        tokens += r.promptTokens() + r.completionTokens();
        if (r.status() == CallStatus.FALLBACK) {
            fallbacks++;
        }
        if (r.status() != CallStatus.OK || r.attempts() > 1) {
            failures++;
        }
    }

    /** Records round {@code round}'s ledger (zeros when it had no call). */
    void record(int round, MetricRecorder out) {
        boolean any = round == this.round;
        int n = any ? calls : 0;
        out.record("llm.calls", n);
        out.record("llm.failures", any ? failures : 0);
        out.record("llm.fallbacks", any ? fallbacks : 0);
        out.record("llm.tokens", any ? tokens : 0);
        long[] sorted = Arrays.copyOf(latency, n);
        Arrays.sort(sorted);
        out.record("llm.latency_p50_ms", percentile(sorted, 0.50));
        out.record("llm.latency_p95_ms", percentile(sorted, 0.95));
    }

    /** Nearest-rank percentile; 0 without calls. */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
