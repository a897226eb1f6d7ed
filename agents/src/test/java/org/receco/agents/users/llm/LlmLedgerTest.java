package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.agents.llm.CallStatus;
import org.receco.agents.llm.LlmCallRecord;

class LlmLedgerTest {
    private static LlmCallRecord call(CallStatus status, int attempts, long latency, long tokens) {
        return new LlmCallRecord(0, 1, "page-1", "k", "m", "{}", "{}", "{}", status, attempts, latency, tokens, 1, "");
    }

    @Test
    void countsFaultsFallbacksTokensAndLatencyPercentilesPerRound() {
        LlmLedger l = new LlmLedger();
        long[] latencies = {50, 10, 40, 30, 20, 60, 70, 80, 90, 100};
        for (int k = 0; k < latencies.length; k++) {
            CallStatus s = k == 0 ? CallStatus.FALLBACK : k == 1 ? CallStatus.REPAIRED : CallStatus.OK;
            l.add(4, call(s, k == 2 ? 3 : 1, latencies[k], 9));
        }
        Map<String, Double> m = new LinkedHashMap<>();
        l.record(4, m::put);
        assertEquals(10, m.get("llm.calls"));
        assertEquals(3, m.get("llm.failures"), "a fallback, a repair and a retried call");
        assertEquals(1, m.get("llm.fallbacks"));
        assertEquals(100, m.get("llm.tokens"), "9 prompt + 1 completion each");
        assertEquals(50, m.get("llm.latency_p50_ms"));
        assertEquals(100, m.get("llm.latency_p95_ms"));
        l.record(5, m::put);
        assertEquals(0, m.get("llm.calls"), "a round without calls records zeros");
        assertEquals(0, m.get("llm.latency_p95_ms"));
        l.add(6, call(CallStatus.OK, 1, 7, 0));
        l.record(6, m::put);
        assertEquals(1, m.get("llm.calls"), "a new round starts the counts again");
        assertEquals(7, m.get("llm.latency_p50_ms"));
    }
}
