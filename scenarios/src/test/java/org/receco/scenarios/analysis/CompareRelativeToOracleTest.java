package org.receco.scenarios.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.report.CompareWriter;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * {@code compare} with an oracle run among the runs reports every run's realised utility relative to the
 * oracle's, round by round: exactly 1 for the oracle itself, and below 1 for random recommendation (the
 * default scenario's per-click utility is about 0.33 under random vs 0.66 under oracle, so the last round's
 * ratio sits near 0.5; asserting < 0.9 leaves wide room for a short run's noise).
 */
class CompareRelativeToOracleTest {
    @TempDir
    Path out;

    private Path run(String recommender) {
        var loaded = new ScenarioLoader().load(Path.of("news-ecosystem.yaml"), List.of("users.count=300",
                "authors.count=30", "rounds=8", "events=[]", "recommender.name=" + recommender,
                "metrics.names=[coverage.item]"));
        RunResult r = Runner.run(loaded, new Runner.Options(out.resolve(recommender), 2, null));
        return r.runDir();
    }

    @Test
    void everyRunGetsUtilityRelativeToTheOracleRun() throws Exception {
        Path oracle = run("oracle");
        Path random = run("random");
        Path html = CompareWriter.write(List.of(oracle, random), out.resolve("cmp"));
        String page = Files.readString(html);
        assertTrue(page.contains(CompareWriter.RELATIVE_UTILITY), "no relative-utility row");
        // The common-last-round table row: metric name, round, one cell per run in the order given, then Δ.
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(CompareWriter.RELATIVE_UTILITY)
                + "</td><td>7</td><td>([^<]*)</td><td>([^<]*)</td><td[^>]*>([^<]*)</td></tr>").matcher(page);
        assertTrue(m.find(), "relative-utility row not found");
        assertEquals(1.0, Double.parseDouble(m.group(1)), 1e-9);
        double rel = Double.parseDouble(m.group(2));
        assertEquals(rel - 1, Double.parseDouble(m.group(3)), 1e-3, "Δ against the oracle run");
        assertTrue(rel > 0 && rel < 0.9, "random relative to oracle: " + rel);
        assertFalse(page.contains("NaN"));
    }
}
