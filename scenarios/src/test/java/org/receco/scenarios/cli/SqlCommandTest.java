package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code receco sql} on a tiny real run: an aligned table (numbers right, text left, NULL spelled out), CSV with
 * {@code --csv}; a bad statement or a write is exit 2 with H2's message, no stack trace, and the run directory's
 * files stay byte for byte as they were.
 */
class SqlCommandTest {
    private static final String TINY = """
            name: tiny
            rounds: 3
            users: {count: 50}
            authors: {count: 5}
            slate: {size: 6, match: 4, coldStart: 2}
            store: {impressions: full}
            recommender: {name: popular}
            """;

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void tinyRun() throws Exception {
        Path f = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        String[] r = AnalysisCommandsTest.run("run", f.toString(), "--out", dir.resolve("runs").toString(), "--quiet");
        assertEquals("0", r[0], r[2]);
        run = AnalysisCommandsTest.only(dir.resolve("runs"));
    }

    @Test
    void printsAnAlignedTable() {
        String[] r = AnalysisCommandsTest.run("sql", run.toString(),
                "SELECT round, users, recommender, NULL AS nothing FROM rounds ORDER BY round");
        assertEquals("0", r[0], r[2]);
        assertEquals("""
                round  users  recommender  nothing
                -----  -----  -----------  -------
                    0     50  popular      NULL
                    1     50  popular      NULL
                    2     50  popular      NULL
                (3 rows)
                """, r[1]);
    }

    @Test
    void printsCsv() {
        String[] r = AnalysisCommandsTest.run("sql", run.toString(),
                "SELECT COUNT(*) AS n, 'a, b' AS label FROM impressions", "--csv");
        assertEquals("0", r[0], r[2]);
        assertEquals("n,label\n" + 3 * 50 * 6 + ",\"a, b\"\n", r[1]);
    }

    @Test
    void aBadStatementOrAWriteIsExit2WithH2sMessageAndNothingChanges() throws Exception {
        Map<String, String> before = files(run);
        String[] bad = AnalysisCommandsTest.run("sql", run.toString(), "SELEC round FROM rounds");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].startsWith("receco sql: Syntax error in SQL statement"), bad[2]);
        assertFalse(bad[2].contains("\tat ") || bad[2].contains("RECECO_DEBUG"), bad[2]);
        String[] unknown = AnalysisCommandsTest.run("sql", run.toString(), "SELECT * FROM no_such_table");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("NO_SUCH_TABLE") && unknown[2].contains("not found"), unknown[2]);
        String[] write = AnalysisCommandsTest.run("sql", run.toString(), "DELETE FROM metrics");
        assertEquals("2", write[0], write[1]);
        assertTrue(write[2].toLowerCase().contains("read only"), write[2]);
        assertEquals(before, files(run));
        String[] none = AnalysisCommandsTest.run("sql", dir.toString(), "SELECT 1");
        assertEquals("2", none[0]);
        assertTrue(none[2].contains("holds no run database"), none[2]);
        assertFalse(Files.exists(dir.resolve("run.mv.db")));
    }

    /** Every file under {@code d} with the SHA-256 of its bytes. */
    private static Map<String, String> files(Path d) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(d.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
