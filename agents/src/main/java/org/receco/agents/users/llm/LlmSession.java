package org.receco.agents.users.llm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.receco.agents.llm.CallRecordSource;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmCounters;

/**
 * What a run tells its LLM populations beyond their parameters: whether it replays a recorded run (then every
 * request is answered from that run's {@code llm_calls} and nothing is sent), the run's name (the file of its
 * calls in an {@code llm.cache} directory), and where environment variables are read (the API key). It also
 * gathers the populations' clients, so the run's progress can show their calls, and closes what they opened when
 * the run ends. Thread-safe.
 */
public final class LlmSession implements AutoCloseable {
    /** A user model that talks to a model: it is given the run's session before it is initialised. */
    public interface Attachable {
        void attach(LlmSession session);
    }

    private final CallRecordSource replay;
    private final Path replayFrom;
    private final String runName;
    private final Function<String, String> env;
    private final List<LlmClient> clients = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final LlmLedger ledger = new LlmLedger();

    /**
     * @param replay     the recorded calls every request must be answered from, or null for a live run
     * @param replayFrom where they were recorded (for messages), or null
     * @param runName    the run's name, a plain file name
     * @param env        the environment (the API key's variable)
     */
    public LlmSession(CallRecordSource replay, Path replayFrom, String runName, Function<String, String> env) {
        if (replay != null && replayFrom == null) {
            throw new IllegalArgumentException("a replay names where its calls were recorded");
        }
        this.replay = replay;
        this.replayFrom = replayFrom;
        this.runName = runName;
        this.env = env;
    }

    /** A live run named {@code runName}, reading the process environment. */
    public static LlmSession live(String runName) {
        return new LlmSession(null, null, runName, System::getenv);
    }

    /** As {@link #live}, reading variables from {@code env} (tests). */
    public LlmSession withEnv(Function<String, String> env) {
        return new LlmSession(replay, replayFrom, runName, env);
    }

    public CallRecordSource replay() {
        return replay;
    }

    public Path replayFrom() {
        return replayFrom;
    }

    public boolean replaying() {
        return replay != null;
    }

    public String runName() {
        return runName;
    }

    public Function<String, String> env() {
        return env;
    }

    synchronized void register(LlmClient client) {
        clients.add(client);
    }

    LlmLedger ledger() {
        return ledger;
    }

    /** Whether {@code client}'s population reports the run's ledger: the first one registered does. */
    synchronized boolean reportsLedger(LlmClient client) {
        return !clients.isEmpty() && clients.get(0) == client;
    }

    synchronized void closeAtEnd(AutoCloseable c) {
        opened.add(c);
    }

    /** Whether any population of the run asks a model. */
    public synchronized boolean active() {
        return !clients.isEmpty();
    }

    /** The calls of every population's client so far, for a progress line. */
    public synchronized Status status() {
        long inFlight = 0;
        long done = 0;
        long failures = 0;
        long tokens = 0;
        for (LlmClient c : clients) {
            LlmCounters k = c.counters();
            inFlight += k.inFlight();
            done += k.done();
            failures += k.failures();
            tokens += k.tokens();
        }
        return new Status(inFlight, done, failures, tokens);
    }

    /** LLM calls in flight, done and failed (fallback or error), and tokens used, over the run's populations. */
    public record Status(long inFlight, long done, long failures, long tokens) {
        @Override
        public String toString() {
            return "LLM " + inFlight + " in flight, " + done + " done, " + failures + " failed, " + tokens
                    + " tokens";
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the records were flushed as they were written
            }
        }
        opened.clear();
    }
}
