package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;

/**
 * Every bundled scenario file validates and runs. The small default runs in full; SimuLine's sizes run two
 * rounds here (its full run is the benchmark, {@code receco bench}).
 */
class BundledScenariosTest {
    @TempDir
    Path out;

    /** The bundled files, relative to the scenarios module (Surefire's working directory). */
    static List<Path> bundled() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("."))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledScenarioIsValid() throws IOException {
        List<Path> files = bundled();
        assertTrue(files.size() >= 2, "bundled scenarios: " + files);
        for (Path f : files) {
            new ScenarioLoader().load(f); // throws with every problem if invalid
        }
    }

    @Test
    void theNewsEcosystemRunsInFullAndItsBreakingNewsLands() throws Exception {
        LoadedScenario s = new ScenarioLoader().load(Path.of("news-ecosystem.yaml"));
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(s.scenario().rounds(), r.manifest().roundsCompleted());
        assertFalse(Double.isNaN(r.metric("gini.exposure.item")));
        try (Connection c = RunDatabase.open(r.runDir())) {
            assertEquals(s.scenario().rounds() - 1, RunDatabase.lastCompleteRound(c));
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM items WHERE created_round = 25 AND quality = 8.0 AND topic = 3")) {
                rs.next();
                // 100 burst items drawn around topic 3's centre; nearly all stay nearest to it.
                assertTrue(rs.getInt(1) >= 90, "burst items found: " + rs.getInt(1));
            }
        }
    }

    @Test
    void simulinesDefaultSizesRun() {
        LoadedScenario s = new ScenarioLoader().load(Path.of("simuline-default.yaml"), List.of("rounds=2"));
        assertEquals(10_000, s.scenario().users().count());
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(2L * 10_000 * 10, r.clicks(), "10 clicks per user per round");
    }

    /**
     * The MovieLens world runs when {@code ./receco data movielens} has written the data at the repository root
     * (two rounds here, pointed at them by an override, since Surefire works in the module directory); without them
     * it must say what to run.
     */
    @Test
    void theMovieLensWorldRunsOnTheDataOrSaysHowToGetThem() {
        Path file = Path.of("shilling/movielens-world.yaml");
        Path data = Path.of("..", "data", "movielens").toAbsolutePath().normalize();
        if (!org.receco.agents.data.MovieLensCsv.present(data)) {
            org.receco.scenarios.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.receco.scenarios.ScenarioException.class, () -> new ScenarioLoader().load(file));
            assertTrue(e.getMessage().contains("run ./receco data movielens first"), e.getMessage());
            System.out.println("BundledScenariosTest: no MovieLens data at " + data + " (./receco data movielens); "
                    + "checked the message only");
            return;
        }
        LoadedScenario s = new ScenarioLoader().load(file, List.of("world.ratings=" + data, "rounds=2"));
        RunResult r = Runner.run(s, new Runner.Options(out, 0, null));
        assertTrue(r.completed());
        assertEquals(2L * 671, r.clicks(), "one pick per user per round");
    }
}
