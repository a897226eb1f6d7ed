package org.receco.agents.users.llm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.receco.agents.llm.CallStatus;
import org.receco.agents.llm.LlmCallRecord;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * The run store's {@code llm_embeddings} table: one row per call an LLM population made to an embeddings endpoint
 * ({@code embedder: endpoint}), written in the round's transaction, so that a replay answers those calls from the
 * record as it answers the decisions from {@code llm_calls}. Declared only by a population that embeds through an
 * endpoint: runs with {@code minilm}, {@code none} or no LLM users have no such table, and their schemas and
 * digests are as before.
 *
 * <p>{@code user_id} is the lowest user id of the asking population (a population's calls serve all its users),
 * {@code purpose} the step of the round: {@code page-N-items} (the titles and summaries of page N's items not
 * embedded before), {@code page-N-memories} (the memories page N made) or {@code page-N-reflections}. The request
 * and the response (the server's answer, every vector in it) are CLOBs: an answer for a batch of texts easily
 * passes VARCHAR's 1,000,000 characters, and a round makes only a few of these calls. The latency is left out of
 * digests, as in {@code llm_calls}.
 */
public final class LlmEmbeddingsTable {
    public static final TableSpec SPEC = TableSpec.of("llm_embeddings", "one row per call to an embeddings "
                    + "endpoint: who asked and why, the request key (SHA-256 of the body), the texts sent and the "
                    + "vectors received", "round", List.of("round", "user_id", "purpose"),
            Column.of("round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("purpose", ColumnType.TEXT), Column.of("request_key", ColumnType.TEXT),
            Column.of("model", ColumnType.TEXT), Column.of("texts", ColumnType.INTEGER),
            Column.of("request", ColumnType.CLOB), Column.of("response", ColumnType.CLOB),
            Column.of("attempts", ColumnType.INTEGER), Column.of("latency_ms", ColumnType.BIGINT),
            Column.of("prompt_tokens", ColumnType.BIGINT), Column.of("log", ColumnType.TEXT))
            .withVolatile("latency_ms");

    private LlmEmbeddingsTable() {
    }

    /** Appends {@code r}, a call that embedded {@code texts} texts (a replayed record keeps its own fields). */
    public static void append(TableWriter w, LlmCallRecord r, int texts) {
        w.append(r.round(), Math.toIntExact(r.user()), r.purpose(), r.key(), r.model(), texts, r.requestJson(),
                r.responseJson(), r.attempts(), r.latencyMs(), r.promptTokens(), LlmCallsTable.fit(r.log()));
    }

    /** Adds the calls recorded in {@code c}'s {@code llm_embeddings}, if it has one, to {@code byKey}. */
    static void read(Connection c, Map<String, LlmCallRecord> byKey, BinaryOperator<LlmCallRecord> first)
            throws SQLException {
        try (ResultSet t = c.getMetaData().getTables(null, null, "LLM_EMBEDDINGS", null)) {
            if (!t.next()) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT round, user_id, purpose, request_key, model, request, "
                + "response, attempts, latency_ms, prompt_tokens, log FROM llm_embeddings");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LlmCallRecord r = new LlmCallRecord(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), null, CallStatus.OK, rs.getInt(8),
                        rs.getLong(9), rs.getLong(10), 0, rs.getString(11));
                byKey.merge(r.key(), r, first);
            }
        }
    }
}
