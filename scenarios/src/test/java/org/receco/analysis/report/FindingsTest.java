package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;

/**
 * Findings computed from a small real run's database (popular, 10 rounds) and a random baseline: a metric that
 * rose is said to rise with the figures the database holds, falls are said to fall, the event is stated, and
 * the baseline sentences carry both runs' values at the same round.
 */
class FindingsTest {
    static final String GINI = "gini.exposure.item";

    @TempDir
    static Path dir;
    static Path popular;
    static Path random;
    static Map<String, double[][]> series;
    static List<ChartFiles.Event> events;

    @BeforeAll
    static void runs() throws Exception {
        popular = ReportFixtures.run(dir, "popular", 10);
        random = ReportFixtures.run(dir, "random", 10);
        try (Connection c = RunDatabase.open(popular)) {
            series = RunReader.series(c);
            events = RunReader.events(c);
        }
    }

    @Test
    void aMetricThatRoseIsSaidToRiseWithTheDatabasesFigures() throws Exception {
        int first = ReportFixtures.round(popular, GINI, false);
        int last = ReportFixtures.round(popular, GINI, true);
        double from = ReportFixtures.value(popular, GINI, first);
        double to = ReportFixtures.value(popular, GINI, last);
        // The fixture's premise, checked rather than assumed: popular concentrates exposure as clicks accumulate.
        assertTrue(to > from * 1.05, "exposure Gini did not rise: " + from + " -> " + to);
        List<String> sentences = Findings.sentences(series, events);
        String expected = GINI + " rose from " + Html.num(from) + " at round " + first + " to " + Html.num(to)
                + " at round " + last + " (+" + Html.num(to - from) + ", ";
        assertTrue(sentences.stream().anyMatch(s -> s.startsWith(expected)), expected + "\nnot in " + sentences);
        double pct = 100 * (to - from) / from;
        String figure = pct < 900 ? String.format(java.util.Locale.ROOT, "+%.0f %%", pct)
                : String.format(java.util.Locale.ROOT, "×%.0f", to / from);
        assertTrue(sentences.stream().anyMatch(s -> s.startsWith(expected) && s.endsWith(figure + ").")),
                figure + " not in " + sentences);
    }

    @Test
    void everyNamedChangeGoesTheWayTheDatabaseSays() throws Exception {
        List<String> sentences = Findings.sentences(series, events);
        int checked = 0;
        for (String s : sentences) {
            String[] w = s.split(" ");
            if (w.length > 2 && (w[1].equals("rose") || w[1].equals("fell"))) {
                String metric = w[0];
                double from = ReportFixtures.value(popular, metric, ReportFixtures.round(popular, metric, false));
                double to = ReportFixtures.value(popular, metric, ReportFixtures.round(popular, metric, true));
                assertEquals(to > from ? "rose" : "fell", w[1], s);
                checked++;
            }
        }
        assertTrue(checked >= Findings.NAMED, "named changes: " + sentences);
        assertTrue(sentences.get(0).matches("Of \\d+ metrics, \\d+ rose and \\d+ fell .*"), sentences.get(0));
    }

    @Test
    void theEventIsStatedWithItsRound() {
        List<String> sentences = Findings.sentences(series, events);
        assertTrue(sentences.stream().anyMatch(s -> s.startsWith("At round " + ReportFixtures.EVENT_ROUND
                + " (breaking-news): breaking news")), sentences.toString());
    }

    @Test
    void againstTheBaselineBothValuesAtTheSameRound() throws Exception {
        Findings.Baseline base;
        try (Connection c = RunDatabase.open(random)) {
            base = new Findings.Baseline("random", RunReader.series(c));
        }
        List<String> lines = Findings.againstBaseline(series, base);
        int last = ReportFixtures.round(popular, GINI, true);
        double mine = ReportFixtures.value(popular, GINI, last);
        double theirs = ReportFixtures.value(random, GINI, last);
        String expected = "At round " + last + ", " + GINI + " is " + Html.num(mine) + ", "
                + (mine > theirs ? "above" : "below") + " the baseline's " + Html.num(theirs) + " (";
        assertTrue(lines.stream().anyMatch(s -> s.startsWith(expected)), expected + "\nnot in " + lines);
        assertTrue(Findings.againstBaseline(series, null).isEmpty());
    }

    @Test
    void differenceNamesNoPercentageFromZeroOrAcrossZero() {
        assertEquals("+2", Findings.difference(0, 2));
        assertEquals("−0.3000", Findings.difference(0.1, -0.2));
        assertEquals("+0.5000, +50 %", Findings.difference(1, 1.5));
        assertEquals("−0.5000, −50 %", Findings.difference(1, 0.5));
        assertEquals("+19, ×20", Findings.difference(1, 20));
        assertFalse(Findings.difference(-1, -1.5).contains("+"));
    }
}
