package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code receco llm bench}: what the client costs and how well it fills its concurrency, in three timed parts.
 * <ol>
 * <li><b>Overhead</b>: calls one at a time against a fault-free, zero-latency {@link FaultInjectingLlmServer} in
 * this JVM; the client's time per call minus the server's handling time is what the client (request building,
 * hashing, HTTP over loopback, parsing, schema check) adds to each call. Against {@code --endpoint} only the
 * client's time per call is known.</li>
 * <li><b>Concurrency</b>: the calls at once, at most {@code concurrency} in flight, against the test server
 * (whose {@code latency-ms} stands in for the model's time) or the endpoint: wall time, calls/s, and the HTTP
 * requests in flight, peak and mean (summed request time over wall time), by the client and by the server.</li>
 * <li><b>Replay</b>: the records of part 2, written as JSON lines, are reopened and answer the same requests
 * with no HTTP request: records/s the first time (cold code) and after warm-up passes, and the load time of
 * the file apart.</li>
 * </ol>
 */
public final class LlmBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OVERHEAD_CALLS = 200;
    /** The model name sent when none is given. */
    public static final String DEFAULT_MODEL = "bench";

    /**
     * The figures of one bench.
     *
     * @param calls calls in the concurrency and replay parts
     * @param concurrency the configured concurrency
     * @param overheadCalls calls in the overhead part
     * @param clientMsPerCall the client's mean time per sequential call
     * @param serverMsPerCall the server's mean handling time per call, or NaN for an external endpoint
     * @param wallSeconds the wall time of the concurrency part
     * @param peakInFlight the most HTTP requests in flight at once, by the client
     * @param meanInFlight the mean HTTP requests in flight, by the client (request time summed over wall time)
     * @param serverPeakInFlight the most requests the test server handled at once, or -1 for an endpoint
     * @param failures calls that ended in their fallback in the concurrency part
     * @param replayLoadSeconds the time to open the recorded calls
     * @param replaySeconds the time to replay the calls the first time
     * @param warmReplaySeconds the time to replay them once more, after up to 50 passes (or 3 s) of warm-up
     * @param warmReplayCpuSeconds the CPU time of that pass (NaN where the JVM cannot tell)
     * @param replayHttpRequests HTTP requests the replay sent (0 unless replay is broken)
     */
    public record Figures(int calls, int concurrency, int overheadCalls, double clientMsPerCall,
            double serverMsPerCall, double wallSeconds, long peakInFlight, double meanInFlight,
            int serverPeakInFlight, long failures, double replayLoadSeconds, double replaySeconds,
            double warmReplaySeconds, double warmReplayCpuSeconds, long replayHttpRequests) {
        /** Client time minus server time per call, in ms; NaN for an external endpoint. */
        public double overheadMsPerCall() {
            return clientMsPerCall - serverMsPerCall;
        }

        public double callsPerSecond() {
            return calls / wallSeconds;
        }

        public double replayRecordsPerSecond() {
            return calls / replaySeconds;
        }

        public double warmReplayRecordsPerSecond() {
            return calls / warmReplaySeconds;
        }
    }

    private LlmBench() {
    }

    /**
     * Runs the bench and prints its figures to {@code out}.
     *
     * @param endpoint an OpenAI-compatible base URL to measure, or null for the test server in this JVM
     * @param model the model name sent
     * @param faults the test server's faults and latency (ignored with an endpoint)
     */
    public static Figures run(URI endpoint, String model, int calls, int concurrency,
            FaultInjectingLlmServer.Faults faults, PrintWriter out) throws IOException {
        if (calls <= 0 || concurrency <= 0) {
            throw new IllegalArgumentException("llm bench: calls and concurrency must be positive");
        }
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                + "\"clicked\":{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":3}},"
                + "\"next\":{\"type\":\"boolean\"}},\"required\":[\"clicked\",\"next\"]}");
        JsonNode fallback = JSON.readTree("{\"clicked\":[],\"next\":false}");
        Path dir = Files.createTempDirectory("receco-llm-bench");
        try {
            int overheadCalls = Math.min(calls, OVERHEAD_CALLS);
            double clientMs;
            double serverMs = Double.NaN;
            try (FaultInjectingLlmServer quick = endpoint == null
                    ? FaultInjectingLlmServer.start(FaultInjectingLlmServer.Faults.none()) : null) {
                LlmConfig c = config(endpoint != null ? endpoint : quick.baseUri(), model, 1);
                LlmClient client = new LlmClient(c, null, null);
                LlmResult probe = client.batch(requests("probe", 1, schema, fallback)).get(0);
                if (probe.isFallback()) {
                    throw new IOException("llm bench: " + c.endpoint() + " gave no valid answer to a first call ("
                            + lastLine(probe.record().log()) + ")");
                }
                // A warm-up of the same size first: the first calls of a JVM pay for class loading and JIT.
                client.batch(requests("warm", overheadCalls, schema, fallback));
                long serverBefore = quick != null ? quick.serverNanos() : 0;
                long t0 = System.nanoTime();
                client.batch(requests("seq", overheadCalls, schema, fallback));
                clientMs = (System.nanoTime() - t0) / 1e6 / overheadCalls;
                if (quick != null) {
                    serverMs = (quick.serverNanos() - serverBefore) / 1e6 / overheadCalls;
                }
            }

            List<LlmRequest> rs = requests("bench", calls, schema, fallback);
            double wall;
            long peak;
            double mean;
            int serverPeak = -1;
            long failures;
            try (FaultInjectingLlmServer server = endpoint == null ? FaultInjectingLlmServer.start(faults) : null;
                    JsonlCallCache cache = JsonlCallCache.open(dir, "bench")) {
                LlmConfig c = config(endpoint != null ? endpoint : server.baseUri(), model, concurrency);
                LlmClient client = new LlmClient(c, null, cache);
                long t0 = System.nanoTime();
                client.batch(rs);
                long nanos = System.nanoTime() - t0;
                wall = nanos / 1e9;
                peak = client.counters().peakHttpInFlight();
                mean = (double) client.counters().httpNanos() / nanos;
                failures = client.counters().failures();
                if (server != null) {
                    serverPeak = server.peakInFlight();
                }
            }

            long l0 = System.nanoTime();
            double load;
            double replay;
            double warm;
            double warmCpu;
            long replayRequests;
            try (JsonlCallCache cache = JsonlCallCache.open(dir, "replay")) {
                load = (System.nanoTime() - l0) / 1e9;
                // Nothing listens at port 9 on loopback: a replay that sent anything would fail, not pass.
                LlmConfig c = config(URI.create("http://127.0.0.1:9/v1"), model, concurrency)
                        .withCache(dir, LlmConfig.CacheMode.REPLAY);
                LlmClient client = new LlmClient(c, cache, null);
                long t0 = System.nanoTime();
                client.batch(rs);
                replay = (System.nanoTime() - t0) / 1e9;
                // Again until the JIT has compiled the path (the launcher delays compilation for a fast start):
                // up to 50 passes or 3 s, the last pass counted.
                warm = replay;
                warmCpu = Double.NaN;
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long until = System.nanoTime() + 3_000_000_000L;
                for (int pass = 0; pass < 50 && System.nanoTime() < until; pass++) {
                    long c1 = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
                    long t1 = System.nanoTime();
                    client.batch(rs);
                    warm = (System.nanoTime() - t1) / 1e9;
                    // A replay runs in this thread alone (its answers are complete at once), so this thread's CPU
                    // time is its cost, whatever else the machine runs.
                    warmCpu = c1 < 0 ? Double.NaN : (threads.getCurrentThreadCpuTime() - c1) / 1e9;
                }
                replayRequests = client.counters().httpRequests();
            }
            Figures f = new Figures(calls, concurrency, overheadCalls, clientMs, serverMs, wall, peak, mean,
                    serverPeak, failures, load, replay, warm,
                    warmCpu, replayRequests);
            print(f, endpoint, faults, out);
            return f;
        } finally {
            deleteTree(dir);
        }
    }

    private static LlmConfig config(URI endpoint, String model, int concurrency) {
        return LlmConfig.of(endpoint.toString(), model).withConcurrency(concurrency);
    }

    private static List<LlmRequest> requests(String tag, int n, JsonNode schema, JsonNode fallback) {
        List<LlmRequest> rs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rs.add(new LlmRequest(0, i, "bench", List.of(ChatMessage.system("You are a reader choosing news."),
                    ChatMessage.user(tag + " call " + i + ": items 0-3 on page 1; which do you click?")), schema,
                    fallback));
        }
        return rs;
    }

    private static void print(Figures f, URI endpoint, FaultInjectingLlmServer.Faults faults, PrintWriter out) {
        out.println("llm bench against " + (endpoint != null ? endpoint : "the test server in this JVM (" + faults
                + ")"));
        if (endpoint == null) {
            out.printf("  overhead:    %d sequential calls: client %.3f ms/call, server %.3f ms/call, "
                    + "client overhead %.3f ms/call%n", f.overheadCalls(), f.clientMsPerCall(), f.serverMsPerCall(),
                    f.overheadMsPerCall());
        } else {
            out.printf("  overhead:    %d sequential calls: client %.3f ms/call (server time unknown)%n",
                    f.overheadCalls(), f.clientMsPerCall());
        }
        out.printf("  concurrency: %d calls at concurrency %d in %.3f s = %.0f calls/s; in flight peak %d, mean %.1f"
                + "%s; %d fallbacks%n", f.calls(), f.concurrency(), f.wallSeconds(), f.callsPerSecond(),
                f.peakInFlight(), f.meanInFlight(), f.serverPeakInFlight() >= 0 ? " (server peak "
                        + f.serverPeakInFlight() + ")" : "", f.failures());
        out.printf("  replay:      %d records from JSON lines in %.3f s = %.0f records/s, warm %.0f records/s "
                + "(%.0f per CPU second; file load %.3f s apart); %d HTTP requests%n", f.calls(), f.replaySeconds(),
                f.replayRecordsPerSecond(), f.warmReplayRecordsPerSecond(), f.calls() / f.warmReplayCpuSeconds(),
                f.replayLoadSeconds(),
                f.replayHttpRequests());
        out.flush();
    }

    private static String lastLine(String log) {
        int nl = log.lastIndexOf('\n');
        String before = nl < 0 ? log : log.substring(0, nl);
        int prev = before.lastIndexOf('\n');
        // The last line is the fallback's; the one before says what went wrong.
        return nl < 0 ? log : before.substring(prev + 1);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
