package org.receco.scenarios.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;
import org.receco.scenarios.wiring.MovieLensFixture;

class WorldSpecTest {
    @TempDir
    Path dir;

    private String problems(String text, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioLoader().load("w.yaml", text, List.of(sets)));
        return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void missingDataSayWhatToRunAtTheKeysLineAndValidateExits2() throws Exception {
        Path absent = dir.resolve("nothing");
        String text = MovieLensFixture.scenario(absent, 30, 2);
        String p = problems(text);
        assertTrue(p.contains("w.yaml:6:") && p.contains("world.ratings"), p);
        assertTrue(p.contains("run ./receco data movielens first"), p);
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, text);
        CliApp cli = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(RecEcoCli.INVALID_INPUT, cli.execute("validate", file.toString()));
        assertTrue(err.toString().contains("run ./receco data movielens first"), err.toString());
        assertEquals(RecEcoCli.INVALID_INPUT, cli.execute("run", file.toString(), "--out", dir.resolve("runs")
                .toString()));
        assertFalse(Files.exists(dir.resolve("runs")), "nothing written");
    }

    @Test
    void theOtherSectionsMustAgreeWithTheData() throws Exception {
        Path data = dir.resolve("ml");
        MovieLensFixture.write(data, 30, 24, 5);
        String text = MovieLensFixture.scenario(data, 30, 2);
        new ScenarioLoader().load("w.yaml", text, List.of()); // agrees
        String p = problems(text, "users.count=31", "space.topics=4", "authors.count=2", "items.lifetime=5",
                "space.kind=dirichlet", "space.dims=4");
        assertTrue(p.contains("has 30 users") && p.contains("allowed: users.count: 30"), p);
        assertTrue(p.contains("3 primary genres") && p.contains("allowed: space.topics: 3"), p);
        assertTrue(p.contains("one author per primary genre") && p.contains("allowed: authors.count: 3"), p);
        assertTrue(p.contains("never retire") && p.contains("allowed: items.lifetime: 0"), p);
        assertTrue(p.contains("allowed: space.kind: gaussian"), p);
    }

    @Test
    void aBadRowInTheDataIsReportedWithItsFileAndLine() throws Exception {
        Path data = dir.resolve("ml");
        MovieLensFixture.write(data, 30, 24, 5);
        Path ratings = data.resolve("ratings.csv");
        List<String> lines = Files.readAllLines(ratings);
        lines.set(3, "1,10,9.5,1000000");
        Files.write(ratings, lines);
        String p = problems(MovieLensFixture.scenario(data, 30, 2));
        assertTrue(p.contains(ratings + ":4: rating 9.5 is outside 0.5..5"), p);
    }

    @Test
    void theResolvedYamlLeavesOutASyntheticWorldAndKeepsARatingsOne() throws Exception {
        ScenarioLoader loader = new ScenarioLoader();
        LoadedScenario synthetic = loader.load("s.yaml", "name: s\n", List.of());
        assertEquals(WorldSpec.synthetic(), synthetic.scenario().world());
        assertFalse(synthetic.resolvedYaml().contains("world"), synthetic.resolvedYaml());
        assertEquals(synthetic.scenario(), loader.load("r", synthetic.resolvedYaml(), List.of()).scenario());
        Path data = dir.resolve("ml");
        MovieLensFixture.write(data, 30, 24, 5);
        LoadedScenario real = loader.load("w.yaml", MovieLensFixture.scenario(data, 30, 2), List.of());
        assertTrue(real.resolvedYaml().contains("world:"), real.resolvedYaml());
        assertEquals(real.scenario(), loader.load("r", real.resolvedYaml(), List.of()).scenario());
        assertEquals(new org.receco.agents.data.MfParams(4, 8, 0.05, WorldSpec.FIT_SEED),
                real.scenario().world().fitParams(4));
    }
}
