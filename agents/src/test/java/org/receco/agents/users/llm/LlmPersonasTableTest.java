package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.core.store.Schema;
import org.receco.core.store.TableSpec;
import org.receco.core.store.TableWriter;

class LlmPersonasTableTest {
    @Test
    void aPersonaIsOneRowOfItsTraitsKeyedByUserInItsJoiningRound() {
        List<Object[]> rows = new ArrayList<>();
        TableWriter checked = TableWriter.discarding(LlmPersonasTable.SPEC);
        TableWriter w = new TableWriter() {
            @Override
            public TableSpec spec() {
                return LlmPersonasTable.SPEC;
            }

            @Override
            public void append(Object... values) {
                checked.append(values);
                rows.add(values);
            }
        };
        Persona p = new Persona("You like sport.", "You rate generously.", Persona.Level.high, Persona.Level.low,
                Persona.Level.medium, "");
        LlmPersonasTable.append(w, 2, 17, p);
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {2, 17, "high", "low", "medium", "You rate generously.", "You like sport.", ""},
                rows.get(0));
        assertEquals("joined_round", LlmPersonasTable.SPEC.roundColumn());
        assertEquals(List.of("user_id"), LlmPersonasTable.SPEC.key());
        Schema.checkDeclarable(LlmPersonasTable.SPEC);
        assertThrows(RuntimeException.class, () -> checked.append(2, 17, "high"), "a short row is refused");
    }
}
