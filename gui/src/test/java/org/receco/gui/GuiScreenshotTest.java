package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * The real GUI end to end under a virtual X server: {@code receco gui FILE --rounds 5 --screenshot shot.png} in
 * a child JVM (the test JVM is headless) on a private Xvfb display. Asserts the picture's display area shows
 * agents (many distinct colours, not a blank window), the run was recorded as completed, and its database is
 * identical to a headless run's. Skipped, saying why, when Xvfb is not installed
 * ({@code apt-get install -y xvfb}).
 */
class GuiScreenshotTest {
    private static Process xvfb;
    private static String display;

    @TempDir
    Path dir;

    @BeforeAll
    static void startXvfb() throws Exception {
        Path exe = onPath("Xvfb");
        Assumptions.assumeTrue(exe != null, "Xvfb is not installed, so the GUI cannot be tested here; install it "
                + "with 'apt-get install -y xvfb' (Debian/Ubuntu, as root) to run this test");
        for (int n = 90; n < 120 && xvfb == null; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder(exe.toString(), ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int t = 0; t < 100 && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); t++) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                xvfb = p;
                display = ":" + n;
            } else {
                p.destroy();
            }
        }
        Assumptions.assumeTrue(xvfb != null, "Xvfb is installed but no virtual display could be started");
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void guiPlaysRoundsDrawsAgentsAndRecordsLikeAHeadlessRun() throws Exception {
        Path scenario = TinyScenario.write(dir);
        Path png = dir.resolve("shot.png");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-cp", classpath, "org.receco.scenarios.cli.RecEcoCli", "gui", scenario.toString(),
                "--rounds", "5", "--screenshot", png.toString(), "--out", dir.resolve("runs").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process gui = pb.start();
        byte[] out;
        boolean done;
        try {
            done = gui.waitFor(90, TimeUnit.SECONDS);
        } finally {
            if (gui.isAlive()) {
                gui.destroyForcibly();
            }
            out = gui.getInputStream().readAllBytes();
        }
        String log = new String(out, StandardCharsets.UTF_8);
        assertTrue(done, "the GUI did not finish within 90 s:\n" + log);
        assertEquals(0, gui.exitValue(), log);

        Matcher m = Pattern.compile("display area (\\d+),(\\d+),(\\d+),(\\d+)\\) after 5 rounds").matcher(log);
        assertTrue(m.find(), log);
        Rectangle area = new Rectangle(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(area.width > 300 && area.height > 300, area.toString());
        assertColourful(image, area);

        Matcher r = Pattern.compile("recording to (\\S+)").matcher(log);
        assertTrue(r.find(), log);
        Path guiRun = Path.of(r.group(1));
        assertEquals(RunManifest.COMPLETED, RunManifest.read(guiRun.resolve("manifest.json")).status(), log);
        RunResult headless = Runner.run(new ScenarioLoader().load(scenario, List.of("rounds=5")),
                new Runner.Options(dir.resolve("headless"), 2, null));
        assertEquals(RunDatabase.digest(headless.runDir()), RunDatabase.digest(guiRun),
                "the GUI run's database equals the headless run's");
    }

    /** Users, items and authors in several topic colours: many colours with a visible number of pixels each. */
    private static void assertColourful(BufferedImage image, Rectangle area) throws IOException {
        Map<Integer, Integer> counts = new HashMap<>();
        int background = image.getRGB(area.x + 2, area.y + 2) & 0xFFFFFF;
        int painted = 0;
        int total = 0;
        for (int y = area.y; y < Math.min(image.getHeight(), area.y + area.height); y++) {
            for (int x = area.x; x < Math.min(image.getWidth(), area.x + area.width); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                counts.merge(rgb, 1, Integer::sum);
                total++;
                if (rgb != background) {
                    painted++;
                }
            }
        }
        long visible = counts.values().stream().filter(c -> c >= 20).count();
        assertTrue(visible >= 12, "only " + visible + " colours with 20+ pixels in the display area: blank window?");
        assertTrue(painted > total / 100, "only " + painted + " of " + total + " pixels differ from the background");
    }
}
