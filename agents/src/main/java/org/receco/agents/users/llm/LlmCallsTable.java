package org.receco.agents.users.llm;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receco.agents.llm.CallRecordSource;
import org.receco.agents.llm.CallStatus;
import org.receco.agents.llm.LlmCallRecord;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.RunDatabase;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * The run store's {@code llm_calls} table: one row per decision call of an LLM population, written in the
 * round's transaction, enough to audit every prompt and to replay the run without the model ({@link #read}).
 * Never holds an API key (the client sends it only as a header and redacts it from every text it keeps). The
 * latency is left out of digests: it is wall-clock time, and a replay copies the recorded value anyway.
 *
 * <p>The texts are VARCHAR rather than CLOB: H2 keeps a CLOB of more than 256 characters in its LOB store, one
 * stream per value, which made writing this table 44 % of a replay's time; a VARCHAR stays in the row. Digests
 * read both as strings, so the type does not change them. H2 caps a VARCHAR at {@value #MAX_TEXT} characters: a
 * longer text (only a runaway model's answer could be one) is kept clipped, with its length said, which replay
 * does not mind (it matches on the key and answers with the decision).
 */
public final class LlmCallsTable {
    public static final TableSpec SPEC = TableSpec.of("llm_calls", "one row per LLM decision call: who asked and "
                    + "why, the request key (request_key: SHA-256 of model, messages, parameters, seed), what was sent and "
                    + "received, how it ended and what it cost", "round", List.of("round", "user_id", "purpose"),
            Column.of("round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("purpose", ColumnType.TEXT), Column.of("request_key", ColumnType.TEXT),
            Column.of("model", ColumnType.TEXT), Column.of("request", ColumnType.TEXT),
            Column.nullable("response", ColumnType.TEXT), Column.of("decision", ColumnType.TEXT),
            Column.of("status", ColumnType.TEXT), Column.of("attempts", ColumnType.INTEGER),
            Column.of("latency_ms", ColumnType.BIGINT), Column.of("prompt_tokens", ColumnType.BIGINT),
            Column.of("completion_tokens", ColumnType.BIGINT), Column.of("log", ColumnType.TEXT))
            .withVolatile("latency_ms").withIndex("request_key");

    private LlmCallsTable() {
    }

    /** The table's key order: round, user, purpose. */
    private static final java.util.Comparator<LlmCallRecord> FIRST = java.util.Comparator
            .comparingInt(LlmCallRecord::round).thenComparingLong(LlmCallRecord::user)
            .thenComparing(LlmCallRecord::purpose);

    /** The longest text H2 stores in a VARCHAR. */
    static final int MAX_TEXT = 1_000_000;

    /** Appends {@code r} as the call of {@code user} in {@code round} (a replayed record keeps its own fields). */
    public static void append(TableWriter w, int round, int user, LlmCallRecord r) {
        w.append(round, user, r.purpose(), r.key(), r.model(), fit(r.requestJson()), fit(r.responseJson()),
                fit(r.decisionJson()), r.status().name(), r.attempts(), r.latencyMs(), r.promptTokens(),
                r.completionTokens(), fit(r.log()));
    }

    /** {@code text}, clipped to {@link #MAX_TEXT} characters with its full length said when longer. */
    static String fit(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        String note = " [clipped: " + text.length() + " characters]";
        return text.substring(0, MAX_TEXT - note.length()) + note;
    }

    /**
     * The calls recorded in the run in {@code runDir}, by key, to answer a replay: its decisions and, when it has
     * an {@code llm_embeddings} table ({@link LlmEmbeddingsTable}), its embedding calls.
     *
     * @throws SQLException when the database cannot be read; a run without LLM users has no table and yields an
     *         empty source
     */
    public static Recorded read(Path runDir) throws SQLException {
        Map<String, LlmCallRecord> byKey = new HashMap<>();
        try (Connection c = RunDatabase.openReadOnly(runDir)) {
            boolean calls;
            try (ResultSet t = c.getMetaData().getTables(null, null, "LLM_CALLS", null)) {
                calls = t.next();
            }
            if (calls) {
                // In storage order, not ORDER BY the key: walking the key index fetched every row's page again,
                // which was a quarter of a replay's time. Where two calls share a request key, the first in (round,
                // user, purpose) order answers, as before.
                try (PreparedStatement ps = c.prepareStatement("SELECT round, user_id, purpose, request_key, model, "
                        + "request, response, decision, status, attempts, latency_ms, prompt_tokens, "
                        + "completion_tokens, log FROM llm_calls"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LlmCallRecord r = new LlmCallRecord(rs.getInt(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                CallStatus.valueOf(rs.getString(9)), rs.getInt(10), rs.getLong(11), rs.getLong(12),
                                rs.getLong(13), rs.getString(14));
                        byKey.merge(r.key(), r, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
                    }
                }
            }
            LlmEmbeddingsTable.read(c, byKey, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
        }
        return new Recorded(byKey);
    }

    /** Recorded calls by key. */
    public static final class Recorded implements CallRecordSource {
        private final Map<String, LlmCallRecord> byKey;

        Recorded(Map<String, LlmCallRecord> byKey) {
            this.byKey = Map.copyOf(byKey);
        }

        public int size() {
            return byKey.size();
        }

        @Override
        public Optional<LlmCallRecord> find(String key) {
            return Optional.ofNullable(byKey.get(key));
        }
    }
}
