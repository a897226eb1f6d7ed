package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;

/**
 * Every bundled file under {@code scenarios/feedback-loop/} and {@code scenarios/bench/} is valid and runs: a
 * study (it has arms, or an inline {@code scenario:}) with every arm loaded and one shortened replicate of every
 * arm played; a plain scenario played for a few rounds, except that one with LLM users (they need a model
 * server) is only validated here and run against a local server by {@code BundledScenariosTest}. The full-length
 * studies are measured in
 * docs/studies.md and the benchmarks in the README.
 */
class BundledStudiesTest {
    @TempDir
    Path out;

    static Stream<Path> bundled() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("feedback-loop", "bench")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    private static boolean isStudy(Path file) throws IOException {
        return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("arms:") || l.startsWith("scenario:"));
    }

    private static boolean hasLlmUsers(Path file) throws IOException {
        return Files.readAllLines(file).stream().anyMatch(l -> l.strip().equals("model: llm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void isValidAndRuns(Path file) throws IOException {
        // Short runs: enough rounds to pass the longest start-up period (10) and train a few times.
        List<String> shorten = List.of("rounds=14", "users.count=60");
        if (isStudy(file)) {
            StudyDefinition d = StudyDefinition.read(file);
            StudyDefinition small = d.withSet(shorten).withReplicates(1);
            StudyRunner.load(d, ComponentCatalog.standard(), d.seed()); // every arm at full size validates
            StudyResult r = StudyRunner.run(small, ComponentCatalog.standard(), 2, null, null);
            assertTrue(r.wallSeconds() > 0);
        } else if (hasLlmUsers(file)) {
            new ScenarioLoader().load(file);
        } else {
            LoadedScenario s = new ScenarioLoader().load(file, shorten);
            RunResult r = Runner.run(s, new Runner.Options(out, 2, null));
            assertTrue(r.completed());
            assertEquals(14, r.manifest().roundsCompleted());
            assertFalse(r.lastMetrics().isEmpty());
        }
    }
}
