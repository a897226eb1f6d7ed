package org.receco.agents.users.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * Read in storage order, the record of a key shared by several calls is still the first in (round, user,
     * purpose) order: the rows are stored last first here.
     */
    @Test
    void aSharedKeyIsAnsweredByItsFirstCallInKeyOrder(@TempDir Path dir) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("run"))) {
            c.createStatement().execute("CREATE TABLE llm_calls (round INTEGER, user_id INTEGER, purpose VARCHAR, "
                    + "request_key VARCHAR, model VARCHAR, request VARCHAR, response VARCHAR, decision VARCHAR, "
                    + "status VARCHAR, attempts INTEGER, latency_ms BIGINT, prompt_tokens BIGINT, "
                    + "completion_tokens BIGINT, log VARCHAR, PRIMARY KEY (round, user_id, purpose))");
            PreparedStatement ps = c.prepareStatement("INSERT INTO llm_calls VALUES (?, ?, ?, ?, 'm', 'req', NULL, "
                    + "?, 'OK', 1, 0, 0, 0, '')");
            Object[][] rows = {{2, 1, "page-1", "k", "{\"d\":4}"}, {1, 7, "page-2", "k", "{\"d\":3}"},
                    {1, 7, "page-1", "k", "{\"d\":2}"}, {1, 3, "page-9", "other", "{\"d\":1}"}};
            for (Object[] r : rows) {
                for (int k = 0; k < r.length; k++) {
                    ps.setObject(k + 1, r[k]);
                }
                ps.executeUpdate();
            }
        }
        LlmCallsTable.Recorded rec = LlmCallsTable.read(dir);
        assertEquals(2, rec.size());
        assertEquals("{\"d\":2}", rec.find("k").orElseThrow().decisionJson());
        assertEquals("page-1", rec.find("k").orElseThrow().purpose());
        assertEquals(1, rec.find("other").orElseThrow().round());
    }
}
