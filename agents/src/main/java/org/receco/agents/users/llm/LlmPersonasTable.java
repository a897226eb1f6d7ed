package org.receco.agents.users.llm;

import java.util.List;
import org.receco.core.store.Column;
import org.receco.core.store.ColumnType;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

/**
 * The run store's {@code llm_personas} table: one row per LLM user, its persona as the prompts state it (Agent4Rec's
 * traits, Zhang et al., "On Generative Agents in Recommendation", SIGIR 2024, §3.1), written in the transaction of
 * the round the user joined. It lets a report group behaviour by trait (pages viewed by activity level) without
 * parsing prompts.
 */
public final class LlmPersonasTable {
    public static final TableSpec SPEC = TableSpec.of("llm_personas", "one row per LLM user: its persona's traits "
                    + "(activity, conformity, diversity: low, medium or high), rating tendency, taste and demographics "
                    + "as its prompts state them", "joined_round", List.of("user_id"),
            Column.of("joined_round", ColumnType.INTEGER), Column.of("user_id", ColumnType.INTEGER),
            Column.of("activity", ColumnType.TEXT), Column.of("conformity", ColumnType.TEXT),
            Column.of("diversity", ColumnType.TEXT), Column.of("rating_tendency", ColumnType.TEXT),
            Column.of("taste", ColumnType.CLOB), Column.of("demographics", ColumnType.TEXT));

    private LlmPersonasTable() {
    }

    /** Appends user {@code user}'s persona, the user having joined in {@code round}. */
    public static void append(TableWriter w, int round, int user, Persona p) {
        w.append(round, user, p.activity().name(), p.conformity().name(), p.diversity().name(), p.ratingTendency(),
                p.taste(), p.demographics());
    }
}
