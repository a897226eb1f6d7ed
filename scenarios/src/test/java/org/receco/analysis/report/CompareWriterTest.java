package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;

/**
 * Comparing small real runs of the same scenario: a 10-round popular run and a 6-round random run. Labels say
 * what differs, the same way for both; the table compares at the last round both reached and says so.
 */
class CompareWriterTest {
    static final String GINI = "gini.exposure.item";

    @TempDir
    static Path dir;
    static Path longRun;
    static Path shortRun;

    @BeforeAll
    static void runs() {
        longRun = ReportFixtures.run(dir.resolve("a"), "popular", 10);
        shortRun = ReportFixtures.run(dir.resolve("b"), "random", 6);
    }

    private static CompareWriter.Run read(Path runDir) throws Exception {
        try (Connection c = RunDatabase.open(runDir)) {
            RunReader.Manifest m = RunReader.manifest(c);
            return new CompareWriter.Run(runDir, m.scenarioName(), RunReader.recommenders(c), m.seed(),
                    m.roundsCompleted(), RunReader.series(c), RunReader.events(c));
        }
    }

    @Test
    void labelsSayWhatDiffersEquallyForEveryRun() throws Exception {
        List<CompareWriter.Run> runs = List.of(read(longRun), read(shortRun));
        assertEquals(List.of("popular · 10 rounds", "random · 6 rounds"), CompareWriter.labels(runs));
    }

    @Test
    void runsAlikeInEverythingAreAllToldApartByTheirDirectories() throws Exception {
        CompareWriter.Run a = read(longRun);
        CompareWriter.Run b = read(longRun);
        CompareWriter.Run renamed = new CompareWriter.Run(shortRun, a.scenario(), a.recommenders(), a.seed(),
                a.rounds(), a.series(), a.events());
        List<String> labels = CompareWriter.labels(List.of(a, renamed));
        assertEquals(List.of("popular · " + longRun.getFileName(), "popular · " + shortRun.getFileName()), labels);
        List<String> same = CompareWriter.labels(List.of(a, b));
        assertEquals(2, same.stream().distinct().count(), same.toString());
        assertTrue(same.get(0).startsWith("#1 ") && same.get(1).startsWith("#2 "), same.toString());
    }

    @Test
    void theTableUsesTheCommonLastRound() throws Exception {
        List<CompareWriter.Run> runs = List.of(read(longRun), read(shortRun));
        List<CompareWriter.Row> rows = CompareWriter.rows(runs, List.of(GINI));
        int common = ReportFixtures.round(shortRun, GINI, true);
        assertEquals(5, common);
        assertTrue(ReportFixtures.round(longRun, GINI, true) > common);
        assertEquals(common, rows.get(0).round());
        assertEquals(ReportFixtures.value(longRun, GINI, common), rows.get(0).values()[0]);
        assertEquals(ReportFixtures.value(shortRun, GINI, common), rows.get(0).values()[1]);
        assertTrue(CompareWriter.roundNote(runs, rows).contains("different numbers of rounds (10, 6)"));
    }

    @Test
    void thePageListsRoundCountsAndDifferences() throws Exception {
        Path html = CompareWriter.write(List.of(longRun, shortRun), dir.resolve("cmp"));
        String page = Files.readString(html);
        assertTrue(page.contains("<td>10</td>") && page.contains("<td>6</td>"), "round counts listed");
        assertTrue(page.contains("<th>Δ random · 6 rounds</th>"), "a difference column against the first run");
        double d = ReportFixtures.value(shortRun, GINI, 5) - ReportFixtures.value(longRun, GINI, 5);
        assertTrue(page.contains(">" + (d > 0 ? "+" : "") + Html.num(d) + "</td>"), "Δ of " + GINI + " = " + d);
        assertFalse(page.contains(longRun.getFileName() + "</th>"), "no directory needed in the labels");
        List<ChartFiles.Series> lines = new ArrayList<>();
        lines.add(new ChartFiles.Series("x", new double[] {0, 1}, new double[] {1, 2}));
        var chart = CompareWriter.chart(GINI, lines, read(longRun).events());
        assertEquals(GINI + " (Gini, 0-1)", ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getXYPlot())
                .getSubplots().get(0) instanceof org.jfree.chart.plot.XYPlot p ? p.getRangeAxis().getLabel() : "");
    }
}
