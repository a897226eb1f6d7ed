package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.store.ColumnType;

class LlmCallsTableTest {
    @Test
    void textsUpToTheVarcharLimitAreKeptWhole() {
        String s = "x".repeat(LlmCallsTable.MAX_TEXT);
        assertSame(s, LlmCallsTable.fit(s));
        assertNull(LlmCallsTable.fit(null));
    }

    @Test
    void aLongerTextIsClippedToTheLimitAndSaysItsLength() {
        int n = LlmCallsTable.MAX_TEXT + 12_345;
        String clipped = LlmCallsTable.fit("y".repeat(n));
        assertEquals(LlmCallsTable.MAX_TEXT, clipped.length());
        assertTrue(clipped.endsWith(" [clipped: " + n + " characters]"), clipped.substring(clipped.length() - 40));
        assertTrue(clipped.startsWith("yyyy"));
    }

    /** No text column is a CLOB: H2 would keep each value over 256 characters in its LOB store. */
    @Test
    void theTextsAreVarchars() {
        for (String c : new String[] {"request", "response", "decision", "log"}) {
            assertEquals(ColumnType.TEXT, LlmCallsTable.SPEC.columns().stream().filter(x -> x.name().equals(c))
                    .findFirst().orElseThrow().type(), c);
        }
    }
}
