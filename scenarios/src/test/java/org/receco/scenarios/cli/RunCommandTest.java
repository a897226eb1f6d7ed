package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.receco.core.RunManifest;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/** {@code receco run} end to end with the real components and the real H2 store. */
class RunCommandTest {
    private static final String TINY = """
            name: tiny
            seed: 5
            rounds: 4
            users: {count: 60}
            authors: {count: 6}
            slate: {size: 10, match: 8, coldStart: 2}
            metrics: {homogenisationPairs: 20}
            """;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<Path> runDirs(Path out) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.toList();
        }
    }

    @Test
    void writesARunDirectoryWithDatabaseAndManifest() throws Exception {
        Path f = write("tiny.yaml", TINY);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", f.toString(), "--out", out.toString(), "--quiet", "--rounds", "3"), err.toString());
        List<Path> dirs = runDirs(out);
        assertEquals(1, dirs.size());
        Path runDir = dirs.get(0);
        assertTrue(runDir.getFileName().toString().matches("tiny-bpr-\\d{8}-\\d{6}-s5"), runDir.toString());
        assertTrue(Files.exists(runDir.resolve("run.mv.db")));
        RunManifest m = RunManifest.read(runDir.resolve("manifest.json"));
        assertEquals(RunManifest.COMPLETED, m.status());
        assertEquals(3, m.roundsPlanned());
        assertEquals(3, m.roundsCompleted());
        assertEquals(5, m.seed());
        assertEquals(64, m.scenarioSha256().length());
        assertTrue(m.scenarioText().contains("name: tiny"));
        assertNotNull(m.endedAt());
        try (Connection c = RunDatabase.open(runDir)) {
            assertEquals(2, RunDatabase.lastCompleteRound(c));
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM interactions")) {
                rs.next();
                assertEquals(3 * 60 * 10, rs.getLong(1), "10 clicks per user per round");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key        | 'slate:\n  coldstart: 3\n'          | :2:3: key path 'slate.coldstart'        | coldStart",
            "wrong type         | 'rounds: ten\n'                     | :1:9: key path 'rounds'                  | integer",
            "out of range       | 'users:\n  count: -4\n'            | :2:10: key path 'users.count'            | from 1",
            "unknown recommender| 'recommender:\n  name: bpx\n'       | :2:9: key path 'recommender.name'        | bpr",
            "shares do not add  | 'slate:\n  size: 10\n'              | key path 'slate'                         | add up"})
    void anInvalidScenarioExits2NamesTheProblemAndWritesNothing(String label, String yaml, String where,
                                                                 String allowed) throws IOException {
        Path f = write("bad.yaml", yaml.replace("\\n", "\n"));
        Path out = dir.resolve("out");
        assertEquals(2, run("run", f.toString(), "--out", out.toString(), "--quiet"), label);
        String e = err.toString();
        assertTrue(e.contains(where.trim()), e);
        assertTrue(e.contains(allowed.trim()), e);
        assertFalse(e.contains("\tat "), e);
        assertEquals(List.of(), runDirs(out), "nothing is written for an invalid scenario");
    }

    @Test
    void aBadOverrideIsRejectedLikeTheFile() throws IOException {
        Path f = write("tiny.yaml", TINY);
        Path out = dir.resolve("out");
        assertEquals(2, run("run", f.toString(), "--out", out.toString(), "--set", "slate.match=abc"));
        assertTrue(err.toString().contains("--set slate.match=abc"), err.toString());
        assertEquals(List.of(), runDirs(out));
    }

    @Test
    void aRunThatFailsMidwayExits1AndKeepsTheRoundsItCompleted() throws Exception {
        // 19,950 users join at round 2 and the recommender switches to social filtering, which refuses more
        // than 20,000 users when it builds its graph: the run fails at that round (a limit of one recommender
        // that validation does not foresee).
        Path f = write("failing.yaml", TINY + """
                events:
                  - {type: add-population, round: 2, name: crowd, count: 19950, model: simuline}
                  - {type: switch-recommender, round: 2, recommender: {name: social}}
                """);
        Path out = dir.resolve("out");
        assertEquals(1, run("run", f.toString(), "--out", out.toString(), "--quiet"));
        Path runDir = runDirs(out).get(0);
        RunManifest m = RunManifest.read(runDir.resolve("manifest.json"));
        assertEquals(RunManifest.FAILED, m.status());
        assertEquals(2, m.roundsCompleted());
        assertTrue(m.error().contains("at most 20000 users"), m.error());
        assertEquals(1, RunDatabase.lastCompleteRound(runDir));
        assertTrue(err.toString().contains("at most 20000 users"), err.toString());
    }

    @Test
    void aShorterRunByRoundsLeavesOutLaterEventsInOneLine() throws Exception {
        Path f = write("events.yaml", TINY + """
                events:
                  - {type: breaking-news, round: 3, topic: 0, items: 3}
                """);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", f.toString(), "--out", out.toString(), "--quiet", "--rounds", "2"),
                err.toString());
        assertEquals(1, err.toString().lines().filter(l -> l.startsWith("note: rounds 2 (overridden) ends the run "
                + "before 1 event, which is left out: breaking-news at round 3")).count(), err.toString());
        RunManifest m = RunManifest.read(runDirs(out).get(0).resolve("manifest.json"));
        assertEquals(2, m.roundsCompleted());
    }

    @Test
    void theManifestRecordsTheOverridesAsTypedAndTheResolvedScenario() throws Exception {
        Path f = write("tiny.yaml", TINY);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", f.toString(), "--out", out.toString(), "--quiet", "--set",
                "recommender.name=random", "--seed", "9", "--rounds", "2"), err.toString());
        Path runDir = runDirs(out).get(0);
        RunManifest m = RunManifest.read(runDir.resolve("manifest.json"));
        assertEquals(List.of("recommender.name=random", "seed=9", "rounds=2"), m.overrides());
        assertEquals(TINY, m.scenarioText());
        // The resolved scenario is what ran: the overrides applied, and every default written out.
        LoadedScenario resolved = new ScenarioLoader(ComponentCatalog.standard()).load("resolved",
                m.resolvedScenario(), List.of());
        assertEquals("random", resolved.scenario().recommender().name());
        assertEquals(9, resolved.scenario().seed());
        assertEquals(2, resolved.scenario().rounds());
        assertEquals(new ScenarioLoader(ComponentCatalog.standard()).load(f, m.overrides()).scenario(),
                resolved.scenario());
        assertTrue(m.resolvedScenario().contains("store:"), m.resolvedScenario());
        try (Connection c = RunDatabase.open(runDir); ResultSet rs = c.createStatement().executeQuery(
                "SELECT overrides, resolved_scenario, rerun_of FROM run_manifest")) {
            assertTrue(rs.next());
            assertEquals(m.overrides(), RunManifest.overridesFromJson(rs.getString(1)));
            assertEquals(m.resolvedScenario(), rs.getString(2));
            assertEquals(null, rs.getString(3));
        }
    }

    @Test
    void runFromARecordedRunReplaysItToTheSameDigest() throws Exception {
        Path f = write("tiny.yaml", TINY);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", f.toString(), "--out", out.toString(), "--quiet", "--set",
                "recommender.name=random", "--set", "slate.coldStart=4", "--set", "slate.match=6", "--seed", "11", "--threads", "2"),
                err.toString());
        Path original = runDirs(out).get(0);
        // The file changes after the run: the replay must not read it.
        write("tiny.yaml", TINY.replace("rounds: 4", "rounds: 1"));
        Path again = dir.resolve("again");
        assertEquals(0, run("run", "--from", original.toString(), "--out", again.toString(), "--quiet",
                "--threads", "1"), err.toString());
        Path replay = runDirs(again).get(0);
        assertEquals(RunDatabase.digest(original), RunDatabase.digest(replay));
        RunManifest m = RunManifest.read(replay.resolve("manifest.json"));
        assertEquals(original.toString(), m.rerunOf());
        assertEquals(List.of("recommender.name=random", "slate.coldStart=4", "slate.match=6", "seed=11"), m.overrides());
        assertEquals(4, m.roundsCompleted());

        // Without manifest.json the database's run_manifest row is enough.
        Files.delete(original.resolve("manifest.json"));
        Path third = dir.resolve("third");
        assertEquals(0, run("run", "--from", original.toString(), "--out", third.toString(), "--quiet"),
                err.toString());
        assertEquals(RunDatabase.digest(original), RunDatabase.digest(runDirs(third).get(0)));
    }

    @Test
    void runFromRefusesOverridesAndNonRuns() throws Exception {
        Path f = write("tiny.yaml", TINY);
        Path out = dir.resolve("out");
        assertEquals(0, run("run", f.toString(), "--out", out.toString(), "--quiet", "--rounds", "1"),
                err.toString());
        Path original = runDirs(out).get(0);
        Path again = dir.resolve("again");
        assertEquals(2, run("run", "--from", original.toString(), "--set", "seed=3", "--out", again.toString()));
        assertTrue(err.toString().contains("--from replays the recorded run exactly"), err.toString());
        assertEquals(2, run("run", "--from", dir.toString(), "--out", again.toString()));
        assertTrue(err.toString().contains("not a run directory"), err.toString());
        assertEquals(2, run("run", "--out", again.toString()));
        assertFalse(Files.exists(again));
    }
}
