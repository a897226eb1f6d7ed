package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/** A study chart draws each arm's band in its own colour on a white background. */
class StudyChartTest {
    @Test
    void drawsEachArmInItsOwnColour(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two-arms.yaml");
        Files.writeString(file, String.join("\n",
                "scenario: " + Path.of("feedback-loop", "chaney-world.yaml").toAbsolutePath(),
                "set: {rounds: 12, users.count: 30, recommender.startup: 4, recommender.trainFrom: 3}",
                "arms:",
                "  ideal: {recommender.name: ideal}",
                "  random: {recommender.name: random}",
                "replicates: 2",
                "metrics: [gini.interactions]",
                ""));
        StudyResult r = StudyRunner.run(StudyDefinition.read(file), ComponentCatalog.standard(), 2, null, null);
        Path png = dir.resolve("gini.png");
        StudyChart.write(r, "gini.interactions", png);
        BufferedImage img = ImageIO.read(png.toFile());
        // The first two palette colours (blue 0x1f77b4 for ideal, red 0xd62728 for random) both appear as lines.
        boolean blue = false;
        boolean red = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                blue |= rgb == 0x1f77b4;
                red |= rgb == 0xd62728;
            }
        }
        assertTrue(blue && red, "both arms' lines are drawn");
    }
}
