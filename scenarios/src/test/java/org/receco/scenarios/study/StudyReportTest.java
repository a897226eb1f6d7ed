package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/** The report of a small two-arm study: its CSV files and, only when asked for, one chart per metric. */
class StudyReportTest {
    private static StudyResult result;

    @BeforeAll
    static void runSmallStudy(@TempDir Path dir) throws IOException {
        result = smallStudy(dir, 14, 3, "[utility.per_click, gini.interactions]");
    }

    /** Ideal against popular in a small Chaney world, {@code replicates} replicates of {@code rounds} rounds. */
    private static StudyResult smallStudy(Path dir, int rounds, int replicates, String metrics) throws IOException {
        Path world = Path.of("feedback-loop", "chaney-world.yaml").toAbsolutePath();
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, String.join("\n",
                "name: small",
                "scenario: " + world,
                "set: {rounds: " + rounds + ", users.count: 40, recommender.startup: 5, recommender.trainFrom: 4}",
                "arms:",
                "  ideal: {recommender.name: ideal}",
                "  popular: {recommender.name: popular}",
                "baseline: ideal",
                "replicates: " + replicates,
                "seed: 7",
                "metrics: " + metrics,
                ""));
        return StudyRunner.run(StudyDefinition.read(file), ComponentCatalog.standard(), 2, null, null);
    }

    @Test
    void summaryHasARowPerMetricArmAndRoundAndSeedsOnePerReplicate(@TempDir Path out) throws IOException {
        StudyReport.write(result, out, false);
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("metric,arm,round,replicates,mean,ci95_low,ci95_high,rel_mean,rel_ci95_low,rel_ci95_high",
                summary.get(0));
        assertEquals(1 + 2 * 2 * 14, summary.size());
        // The baseline relative to itself is exactly zero in every round; the other arm's rows carry 3 replicates.
        assertTrue(summary.stream().filter(l -> l.startsWith("utility.per_click,ideal,"))
                .allMatch(l -> l.endsWith(",0.00000,0.00000,0.00000")), () -> String.join("\n", summary));
        assertTrue(summary.stream().filter(l -> l.startsWith("gini.interactions,popular,"))
                .allMatch(l -> l.split(",")[3].equals("3")));
        List<String> seeds = Files.readAllLines(out.resolve("seeds.csv"));
        assertEquals(List.of("replicate,seed", "0," + result.seed(0), "1," + result.seed(1), "2," + result.seed(2)),
                seeds);
    }

    /**
     * One replicate gives a mean but no interval (MeanInterval: undefined, not zero-width): the summary writes
     * NaN bounds, the table says so, and the chart still draws the line.
     */
    @Test
    void oneReplicateHasMeansButNoIntervals(@TempDir Path dir) throws IOException {
        StudyResult one = smallStudy(dir, 8, 1, "[gini.interactions]");
        Path out = dir.resolve("out");
        StudyReport.write(one, out, true);
        List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("1", f[3], row);
            assertFalse(f[4].equals("NaN"), "the mean is defined: " + row);
            assertEquals(List.of("NaN", "NaN"), List.of(f[5], f[6]), row);
        }
        assertTrue(one.mean("gini.interactions", "popular", 4, 8).toString().contains("no interval"));
        BufferedImage png = ImageIO.read(out.resolve("gini.interactions.png").toFile());
        assertEquals(900, png.getWidth());
    }

    @Test
    void chartsOnlyWhenAskedFor(@TempDir Path out) throws IOException {
        Path without = out.resolve("without");
        StudyReport.write(result, without, false);
        try (var files = Files.list(without)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".png")));
        }
        Path with = out.resolve("with");
        StudyReport.write(result, with, true);
        for (String name : StudyReport.files(result)) {
            BufferedImage png = ImageIO.read(with.resolve(name).toFile());
            assertEquals(900, png.getWidth());
            assertEquals(520, png.getHeight());
        }
    }
}
