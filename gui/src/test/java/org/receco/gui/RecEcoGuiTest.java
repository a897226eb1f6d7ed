package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * The GUI's simulation side without a Console (so it runs headless): it records to the same H2 run store as
 * {@code receco run}, with identical contents for the same seed; stopping early is recorded as such; edits
 * in the parameters take effect at the next start; the view follows the model.
 */
class RecEcoGuiTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<String> problems = new ArrayList<>();

    private RecEcoGui gui(Path scenario, List<String> overrides) {
        ScenarioLoader loader = new ScenarioLoader();
        LoadedScenario loaded = loader.load(scenario, overrides);
        ScenarioParameters p = new ScenarioParameters(loader, loaded, scenario, problems::add);
        return new RecEcoGui(p, dir.resolve("gui-runs"), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static int playToEnd(RecEcoGui gui) {
        gui.start();
        int steps = 0;
        while (gui.step()) {
            steps++;
        }
        gui.finish();
        return steps;
    }

    @Test
    void guiRunRecordsTheSameDatabaseAsAHeadlessRun() throws Exception {
        Path file = TinyScenario.write(dir);
        RecEcoGui gui = gui(file, List.of("threads=2"));
        assertEquals(5, playToEnd(gui), "the GUI stops by itself after the scenario's rounds");
        Path guiRun = gui.runDir();
        assertNotNull(guiRun);
        RunManifest m = RunManifest.read(guiRun.resolve("manifest.json"));
        assertEquals(RunManifest.COMPLETED, m.status());
        assertEquals(5, m.roundsCompleted());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(guiRun.toString()), log.toString());

        LoadedScenario loaded = new ScenarioLoader().load(file, List.of("threads=2"));
        RunResult headless = Runner.run(loaded, new Runner.Options(dir.resolve("headless"), 1, null));
        assertEquals(RunDatabase.digest(headless.runDir()), RunDatabase.digest(guiRun),
                "GUI and headless runs of the same scenario and seed record identical databases");
    }

    @Test
    void stoppingEarlyIsRecordedAsStoppedAndARestartIsANewRun() throws Exception {
        RecEcoGui gui = gui(TinyScenario.write(dir), List.of());
        gui.start();
        assertTrue(gui.step());
        assertTrue(gui.step());
        gui.finish();
        Path first = gui.runDir();
        RunManifest m = RunManifest.read(first.resolve("manifest.json"));
        assertEquals(RunRecording.STOPPED, m.status());
        assertEquals(2, m.roundsCompleted());
        assertEquals(1, RunDatabase.lastCompleteRound(first));

        playToEnd(gui);
        assertNotEquals(first, gui.runDir());
        assertEquals(RunManifest.COMPLETED, RunManifest.read(gui.runDir().resolve("manifest.json")).status());
    }

    @Test
    void editedParametersApplyAtTheNextStart() throws Exception {
        RecEcoGui gui = gui(TinyScenario.write(dir), List.of());
        ScenarioParameters p = gui.parameters();
        p.setSeed(42);
        p.setRounds(3);
        p.setUsers(120);
        assertEquals(List.of(), problems);
        assertEquals("seed=42; rounds=3; users.count=120", p.getOverrides());
        assertEquals(3, playToEnd(gui));
        assertEquals(42, gui.model().config().seed());
        assertEquals(120, gui.model().world().users().count());
        RunManifest m = RunManifest.read(gui.runDir().resolve("manifest.json"));
        assertEquals(42, m.seed());
        assertEquals(RunManifest.COMPLETED, m.status());
    }

    @Test
    void theViewShowsEveryUserAuthorAndLiveItem() throws Exception {
        RecEcoGui gui = gui(TinyScenario.write(dir), List.of());
        gui.start();
        SpaceView view = gui.view();
        assertEquals(300, view.users.size());
        assertEquals(30, view.authors.size());
        assertEquals(0, view.items.size(), "nothing is published before round 0 is played");
        assertEquals(6, view.trackedUsers().size(), "one trail per topic");
        gui.step();
        gui.step();
        assertEquals(gui.model().world().items().liveCount(), view.items.size());
        assertTrue(view.items.size() > 0);
        UserAgent u = view.userAgent(0);
        List<Object[]> slate = u.slateRows();
        assertEquals(20, slate.size());
        assertEquals(u.getSlateLength(), slate.size());
        long clicked = slate.stream().filter(r -> (Boolean) r[8]).count();
        assertEquals(u.getClicks(), clicked);
        // the click list reads plainly: "item 1909 (liked), 1328, 113 (liked)", one entry per click
        String clicks = u.getLastClicks();
        assertTrue(clicks.equals("none") ? u.getClicks() == 0
                : clicks.matches("items? [0-9]+( \\(liked\\))?(, [0-9]+( \\(liked\\))?)*"), clicks);
        assertEquals(u.getClicks() == 0 ? 0 : u.getClicks() - 1, clicks.chars().filter(ch -> ch == ',').count());
        assertEquals(u.getLikes(), clicks.split("\\(liked\\)", -1).length - 1, clicks);
        assertTrue(slate.stream().anyMatch(r -> "match".equals(r[2])));
        for (String metric : MetricCharts.METRICS.keySet()) {
            assertTrue(gui.model().lastMetrics().containsKey(metric), "charted metric " + metric + " is recorded");
        }
        AuthorAgent a = new AuthorAgent(view, 0);
        assertEquals(a.getLiveItems(), a.itemRows().size());
        gui.finish();
    }
}
