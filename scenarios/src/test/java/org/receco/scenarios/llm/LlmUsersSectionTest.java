package org.receco.scenarios.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.analysis.report.LlmUsersSection;
import org.receco.analysis.report.ReportWriter;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * The report's LLM section ({@link LlmUsersSection}) on runs against {@link FaultInjectingLlmServer} with no
 * faults, answering by {@link PersonaScript}, which answers from
 * the persona in each prompt: a low-activity user leaves after page 1, a high-activity one browses to page 5, so
 * the report's pages by activity level must show the difference, and its figures must agree with the database.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LlmUsersSectionTest {
    private static FaultInjectingLlmServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = PersonaScript.server();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RunResult run(String yaml, String name) {
        RunResult r = Runner.run(new ScenarioLoader().load(name + ".yaml", yaml, List.of()),
                new Runner.Options(dir, 2, null, name));
        assertTrue(r.completed(), String.valueOf(r.manifest().error()));
        return r;
    }

    /** The number in the report's cell {@code key} of the row {@code rowAttr="rowValue"} of table {@code table}. */
    private static double cell(String html, String table, String rowAttr, String rowValue, String key) {
        int t = html.indexOf("<table id=\"" + table + "\">");
        assertTrue(t >= 0, "table " + table + " in the report");
        String body = html.substring(t, html.indexOf("</table>", t));
        Matcher row = Pattern.compile("<tr " + rowAttr + "=\"" + Pattern.quote(rowValue) + "\">(.*?)</tr>")
                .matcher(body);
        assertTrue(row.find(), rowValue + " row in " + table + ":\n" + body);
        Matcher c = Pattern.compile("<td data-key=\"" + key + "\">([^<]*)</td>").matcher(row.group(1));
        assertTrue(c.find(), key + " in " + row.group(1));
        return c.group(1).isEmpty() ? Double.NaN : Double.parseDouble(c.group(1).replace(",", ""));
    }

    @Test
    void highActivityPersonasViewMorePagesAndTheReportShowsItBesideTheLatentUsers() throws Exception {
        StringBuilder personas = new StringBuilder();
        for (int k = 0; k < 20; k++) {
            personas.append("{\"user\": ").append(k).append(", \"activity\": \"").append(k % 2 == 0 ? "low" : "high")
                    .append("\"}\n");
        }
        Path file = Files.writeString(dir.resolve("personas.jsonl"), personas);
        RunResult r = run(LlmPopulationRunTest.scenario(PersonaScript.endpoint(server), 20, ", persona: '" + file + "'")
                .replace("impressions: off", "impressions: full"), "activity");
        String html = Files.readString(ReportWriter.write(r.runDir(), List.of()));
        assertTrue(html.contains("<h2>LLM and latent users</h2>"));
        double low = cell(html, "llm-activity", "data-activity", "low", "pages");
        double high = cell(html, "llm-activity", "data-activity", "high", "pages");
        assertTrue(high > low, "high-activity users view more pages: " + high + " against " + low);
        assertEquals(10, cell(html, "llm-activity", "data-activity", "high", "users"), 0);
        try (Connection c = RunDatabase.open(r.runDir())) {
            // The same figures straight from the calls: pages per (user, round) of each parity.
            for (int parity = 0; parity < 2; parity++) {
                double pages = LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE MOD(user_id - 300, 2) = "
                        + parity) / (double) LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT "
                        + "round, user_id FROM llm_calls WHERE MOD(user_id - 300, 2) = " + parity + ")");
                assertEquals(pages, parity == 0 ? low : high, 1e-3);
            }
            assertEquals(10, LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_personas WHERE activity = 'high'"));
            long llmClicks = LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM interactions WHERE user_id >= 300");
            double llmRate = llmClicks / (4.0 * LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls"));
            assertEquals(llmRate, cell(html, "llm-populations", "data-population", "llm", "click-rate"), 1e-3);
            double latentRate = LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM interactions WHERE user_id < 300")
                    / (double) LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM impressions WHERE user_id < 300");
            assertEquals(latentRate, cell(html, "llm-populations", "data-population", "latent", "click-rate"), 1e-3);
            // The scripted model rates 5 when the persona rates generously, else 3.
            double fives = LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM ratings WHERE rating = 5")
                    / (double) LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM ratings");
            assertTrue(fives > 0 && fives < 1, "both tendencies among the generated personas: " + fives);
            assertEquals(fives, cell(html, "llm-populations", "data-population", "llm", "stars-5"), 1e-3);
            assertEquals(1 - fives, cell(html, "llm-populations", "data-population", "llm", "stars-3"), 1e-3);
            assertEquals(3 + 2 * fives, cell(html, "llm-populations", "data-population", "llm", "mean-rating"), 1e-3);
            assertTrue(Double.isNaN(cell(html, "llm-populations", "data-population", "latent", "pages")),
                    "latent users have no pages");
            double calls = LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls");
            assertEquals(calls, cell(html, "llm-ledger", "data-round", "total", "calls"), 0);
            assertEquals(LlmPopulationRunTest.count(c, "SELECT COUNT(*) FROM llm_calls WHERE round = 1"),
                    cell(html, "llm-ledger", "data-round", "1", "calls"), 0);
        }
    }

    @Test
    void aRunWithoutLlmUsersHasNoLlmSection() throws Exception {
        RunResult r = run("""
                name: latent-only
                seed: 3
                rounds: 2
                users: {count: 40}
                authors: {count: 5}
                store: {interactions: true}
                """, "latent");
        String html = Files.readString(ReportWriter.write(r.runDir(), List.of()));
        assertFalse(html.contains("LLM and latent users"));
        assertTrue(html.contains("<h2>Summary</h2>"), "the rest of the report is there");
    }
}
