package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.model.Scenario;

/** Run directory names: what differs between runs of one file (the recommender) is in the name. */
class RunnerTest {
    @TempDir
    Path dir;

    private Scenario scenario(String name, String... sets) throws IOException {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nseed: 7\n");
        return new ScenarioLoader().load(f, List.of(sets)).scenario();
    }

    @Test
    void runDirectoryNamesTheRecommender() throws IOException {
        Scenario random = scenario("news", "recommender.name=random");
        Scenario popular = scenario("news", "recommender.name=popular");
        Path a = Runner.createRunDir(dir.resolve("out"), random);
        Path b = Runner.createRunDir(dir.resolve("out"), popular);
        assertTrue(a.getFileName().toString().matches("news-random-\\d{8}-\\d{6}-s7"), a.toString());
        assertTrue(b.getFileName().toString().matches("news-popular-\\d{8}-\\d{6}-s7"), b.toString());
        // the same scenario twice within a second: a suffix, not a clash
        Path again = Runner.createRunDir(dir.resolve("out"), random);
        assertNotEquals(a, again);
        assertTrue(Files.isDirectory(again));
    }

    @Test
    void aNameEndingWithTheRecommenderIsNotRepeated() throws IOException {
        assertEquals("news-bpr", Runner.runDirStem(scenario("news-bpr", "recommender.name=bpr")));
        assertEquals("news-bpr-random", Runner.runDirStem(scenario("news-bpr", "recommender.name=random")));
        assertEquals("my-run-content", Runner.runDirStem(scenario("my run", "recommender.name=content")));
    }
}
