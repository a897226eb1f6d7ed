package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bench's figures hang together; no speed is claimed here (the figures are the command's output). */
class LlmBenchTest {
    @Test
    void figuresAreConsistentAndReplaySendsNothing() throws Exception {
        StringWriter text = new StringWriter();
        // 40 calls of 20 ms each at concurrency 8: the limiter is saturated for most of the part.
        LlmBench.Figures f = LlmBench.run(null, "m", 40, 8,
                FaultInjectingLlmServer.Faults.parse("latency-ms=20"), new PrintWriter(text));
        assertEquals(40, f.calls());
        assertEquals(8, f.peakInFlight(), "the client filled its 8 slots");
        assertTrue(f.serverPeakInFlight() >= 1 && f.serverPeakInFlight() <= 8, "server peak " + f.serverPeakInFlight());
        assertTrue(f.meanInFlight() > 0 && f.meanInFlight() <= 8, "mean in flight " + f.meanInFlight());
        // Little's law bound: 40 calls of at least 20 ms with at most 8 at once take at least 100 ms.
        assertTrue(f.wallSeconds() >= 0.1, "wall " + f.wallSeconds());
        assertEquals(0, f.failures());
        assertEquals(0, f.replayHttpRequests());
        assertTrue(f.clientMsPerCall() >= f.serverMsPerCall() && f.serverMsPerCall() >= 0, f.toString());
        assertEquals(f.clientMsPerCall() - f.serverMsPerCall(), f.overheadMsPerCall(), 1e-12);
        assertTrue(f.replayRecordsPerSecond() > 0);
        assertTrue(text.toString().contains("in flight peak 8"), text.toString());
        assertThrows(IllegalArgumentException.class, () -> LlmBench.run(null, "m", 0, 8,
                FaultInjectingLlmServer.Faults.none(), new PrintWriter(new StringWriter())));
    }
}
