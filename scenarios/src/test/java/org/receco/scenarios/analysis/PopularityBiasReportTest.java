package org.receco.scenarios.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.report.ReportWriter;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * The default news scenario: over 5 seeds {@code popular} ends with a higher item-exposure Gini than
 * {@code random}, and both runs' report pages render in headless Chromium with every chart image loaded.
 *
 * <p>Runs are shortened to {@value #ROUNDS} rounds (everything else is the bundled scenario): the exposure Gini
 * separates within the first rounds (popular concentrates slates on the most clicked live items as soon as
 * round 1, random spreads them uniformly), so 12 rounds (more than two item lifetimes of 5 rounds, so the
 * live set has fully turned over) keep the comparison meaningful while the test stays well under a minute.
 * The breaking-news burst moves from round 25 to the middle of the shortened run.
 */
class PopularityBiasReportTest {
    static final int ROUNDS = 12;
    static final Path SCENARIO = Path.of("..", "scenarios", "news-ecosystem.yaml");

    @TempDir
    Path dir;

    private RunResult run(String recommender, long seed, Path out) {
        LoadedScenario loaded = new ScenarioLoader(ComponentCatalog.standard()).load(SCENARIO,
                List.of("recommender.name=" + recommender, "seed=" + seed, "rounds=" + ROUNDS, "events.0.round=" + ROUNDS / 2));
        return Runner.run(loaded, new Runner.Options(out, 2, null));
    }

    @Test
    void popularEndsMoreConcentratedThanRandomOnEverySeedAndBothReportsRender() throws Exception {
        List<String> lines = new ArrayList<>();
        Path[] reported = new Path[2];
        for (long seed = 1; seed <= 5; seed++) {
            Path out = seed == 1 ? dir.resolve("runs") : null;
            RunResult popular = run("popular", seed, out);
            RunResult random = run("random", seed, out);
            double gp = popular.metric("gini.exposure.item");
            double gr = random.metric("gini.exposure.item");
            lines.add("seed " + seed + ": popular " + gp + ", random " + gr);
            // Tolerance: random slates give each live item a Poisson-like count (Gini ≈ 0.1-0.3); popular puts
            // 40 of 50 slots on the same head. A 0.2 margin is far outside seed-to-seed noise of either.
            assertTrue(gp > gr + 0.2, String.join("; ", lines));
            if (seed == 1) {
                reported[0] = popular.runDir();
                reported[1] = random.runDir();
            }
        }
        for (Path runDir : reported) {
            Path html = ReportWriter.write(runDir, List.of());
            assertTrue(Files.size(html) > 1000);
            assertRendersWithAllImages(html);
        }
    }

    /** Opens {@code html} in headless Chromium and checks the page's own image check: all images loaded. */
    static void assertRendersWithAllImages(Path html) throws IOException, InterruptedException {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium): "
                + "skipping the browser rendering check");
        Path profile = Files.createTempDirectory("receco-chromium");
        ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                html.toAbsolutePath().toUri().toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Matcher total = Pattern.compile("data-images-total=\"(\\d+)\"").matcher(dom);
        Matcher loaded = Pattern.compile("data-images-loaded=\"(\\d+)\"").matcher(dom);
        Matcher broken = Pattern.compile("data-images-broken=\"([^\"]*)\"").matcher(dom);
        assertTrue(total.find() && loaded.find() && broken.find(), "no image check result in the DOM of " + html
                + ":\n" + dom.substring(0, Math.min(2000, dom.length())));
        int n = Integer.parseInt(total.group(1));
        assertTrue(n >= 10, "expected a chart per family and latent-space charts, got " + n + " images");
        assertEquals(n, Integer.parseInt(loaded.group(1)), "broken images: " + broken.group(1));
    }

    static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
