package org.receco.agents.users.llm;

import java.util.List;
import java.util.function.Supplier;
import org.receco.agents.llm.memory.Embedder;
import org.receco.agents.llm.memory.EndpointEmbedder;
import org.receco.core.store.TableWriter;

/**
 * An LLM population's {@link EndpointEmbedder} whose every call is labelled with the round and step asking
 * ({@link #at}) and written to {@code llm_embeddings} ({@link LlmEmbeddingsTable}), replayed calls included, so
 * a replay's table is the original's. Answering from the record (and refusing to send in a replay) is the
 * endpoint embedder's; this only names and stores the calls. Used on the scheduler thread only.
 */
final class RecordedEmbedder implements Embedder {
    private final EndpointEmbedder endpoint;
    /** The table's writer, asked at each call: the run declares its tables after the model is initialised. */
    private final Supplier<TableWriter> rows;
    private int round = -1;
    private long user = -1;
    private String purpose = "embeddings";

    RecordedEmbedder(EndpointEmbedder endpoint, Supplier<TableWriter> rows) {
        this.endpoint = endpoint;
        this.rows = rows;
    }

    /** Labels the calls from now on: asked in {@code round} by the population whose first user is {@code user}. */
    void at(int round, long user, String purpose) {
        this.round = round;
        this.user = user;
        this.purpose = purpose;
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public int dims() {
        return endpoint.dims();
    }

    @Override
    public float[][] embed(List<String> texts) {
        EndpointEmbedder.Call c = endpoint.call(round, user, purpose, texts);
        if (c.record() != null) {
            LlmEmbeddingsTable.append(rows.get(), c.record(), texts.size());
        }
        return c.vectors();
    }
}
