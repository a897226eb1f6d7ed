package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;

/** {@code receco gui} on the command line, in the test JVM (headless). */
class GuiCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void guiIsACommandFoundThroughTheExtensionHook() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("gui"), out.toString());
        assertEquals(0, run("gui", "--help"));
        assertTrue(out.toString().contains("--screenshot"), out.toString());
    }

    @Test
    void withoutADisplayItSaysToUseRunAndExits2WithoutAStackTrace() throws Exception {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "surefire runs tests headless");
        Path file = TinyScenario.write(dir);
        assertEquals(2, run("gui", file.toString(), "--out", dir.resolve("runs").toString()));
        String e = err.toString();
        assertTrue(e.contains("no graphical display"), e);
        assertTrue(e.contains("receco run " + file), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is recorded");
    }

    @Test
    void roundsThatEndBeforeAnEventSayInOneLineWhichIsLeftOut() {
        Path file = Path.of("..", "scenarios", "news-ecosystem.yaml");
        assertEquals(2, run("gui", file.toString(), "--rounds", "5", "--out", dir.resolve("runs").toString()));
        String e = err.toString();
        assertTrue(e.contains("note: rounds 5 (overridden) ends the run before 1 event, which is left out: "
                + "breaking-news at round 25"), e);
        assertTrue(e.contains("no graphical display"), e);
    }

    @Test
    void anInvalidScenarioIsReportedBeforeAnyWindow() throws Exception {
        Path file = TinyScenario.write(dir);
        assertEquals(2, run("gui", file.toString(), "--set", "slate.coldStart=5"));
        assertTrue(err.toString().contains("slate"), err.toString());
        assertTrue(err.toString().contains("1 problem found"), err.toString());
    }

    @Test
    void screenshotNeedsRounds() {
        assertEquals(2, run("gui", "--screenshot", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("--rounds"), err.toString());
    }

    @Test
    void theDefaultScenarioIsFoundUnderTheLauncherHome() {
        String before = System.getProperty("receco.home");
        try {
            System.setProperty("receco.home", Path.of("..").toAbsolutePath().normalize().toString());
            Path p = GuiCommand.defaultScenario();
            assertTrue(Files.isRegularFile(p), p.toString());
            assertTrue(p.endsWith(Path.of("scenarios", "news-ecosystem.yaml")), p.toString());
        } finally {
            if (before == null) {
                System.clearProperty("receco.home");
            } else {
                System.setProperty("receco.home", before);
            }
        }
    }
}
