package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.sweep.SweepPlan.PlannedRun;

/** Sweep files: the format, points and seeds, and located errors before anything runs. */
class SweepFileTest {
    @TempDir
    Path dir;

    private SweepPlan plan(String text) {
        return SweepFixtures.plan(SweepFixtures.sweep(dir, "s", text, dir.resolve("out")));
    }

    private ScenarioException invalid(String text) {
        Path f = SweepFixtures.sweep(dir, "s", text, dir.resolve("out"));
        return assertThrows(ScenarioException.class, () -> SweepFixtures.plan(f));
    }

    @Test
    void gridIsTheCartesianProductFirstParameterSlowest() {
        SweepPlan p = plan(SweepFixtures.grid(4));
        assertEquals(6, p.points().size());
        assertEquals(18, p.runs().size());
        assertEquals("recommender.name=random, users.params.interestStep=0.05", p.points().get(0).label());
        assertEquals("recommender.name=random, users.params.interestStep=0.1", p.points().get(1).label());
        assertEquals("recommender.name=popular, users.params.interestStep=0.05", p.points().get(3).label());
        assertEquals("p001-r02", p.runs().get(5).dirName());
        assertEquals(List.of("rounds=4", "recommender.name=random", "users.params.interestStep=0.1",
                "seed=" + p.runs().get(5).seed()), p.overrides(p.runs().get(5)));
    }

    @Test
    void aMisspeltMetricIsRefusedAtItsEntryBeforeAnythingRuns() {
        String grid = SweepFixtures.grid(4).replace("metrics: [gini.exposure.item, homogenisation.click]\n", "");
        ScenarioException e = invalid(grid + "metrics: [mse, gini.exposure.itme]\ncurves: homogenisation.clik\n");
        assertEquals(List.of("metrics.1", "curves"), e.problems().stream().map(p -> p.path()).toList(),
                e.getMessage());
        int lines = (int) grid.lines().count();
        assertEquals(List.of(lines + 1, lines + 2), e.problems().stream().map(p -> p.origin().line()).toList());
        assertEquals(16, e.problems().get(0).origin().column());
        assertTrue(e.getMessage().contains("did you mean 'gini.exposure.item'?"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'homogenisation.click'?"), e.getMessage());
        ScenarioException baseline = invalid(grid + "metrics: [homogenisation.similar]\n");
        assertEquals(1, baseline.problems().size(), baseline.getMessage());
        assertTrue(baseline.getMessage().contains("use a study"), baseline.getMessage());
    }

    @Test
    void runDigestsAreOffUnlessAskedForAndTheKeyTakesOnlyABoolean() {
        String withoutDigest = SweepFixtures.grid(4).replace("digest: true\n", "");
        assertTrue(!plan(withoutDigest).definition().digest());
        assertTrue(plan(SweepFixtures.grid(4)).definition().digest());
        ScenarioException e = invalid(withoutDigest + "digest: sometimes\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("digest") && e.getMessage().contains("true, false"), e.getMessage());
    }

    @Test
    void seedsAreDistinctStableAndDependOnValuesNotOrder() {
        SweepPlan a = plan(SweepFixtures.grid(4));
        Set<Long> seeds = new HashSet<>();
        a.runs().forEach(r -> seeds.add(r.seed()));
        assertEquals(18, seeds.size());
        assertEquals(a.runs().get(7).seed(), plan(SweepFixtures.grid(4)).runs().get(7).seed());
        SweepPlan reordered = plan(SweepFixtures.grid(4).replace("[0.05, 0.1, 0.2]", "[0.2, 0.1, 0.05]"));
        PlannedRun first = a.runs().get(0);
        PlannedRun same = reordered.runs().stream().filter(r -> r.point().label().equals(first.point().label())
                && r.replicate() == first.replicate()).findFirst().orElseThrow();
        assertEquals(first.seed(), same.seed());
        SweepPlan otherSeed = plan(SweepFixtures.grid(4).replace("seed: 11", "seed: 12"));
        assertNotEquals(first.seed(), otherSeed.runs().get(0).seed());
        SweepPlan shared = plan(SweepFixtures.grid(4) + "seeds: shared\n");
        assertEquals(shared.runs().get(0).seed(), shared.runs().get(3).seed());
        assertNotEquals(shared.runs().get(0).seed(), shared.runs().get(1).seed());
    }

    @Test
    void rangesAndRandomSamples() {
        SweepPlan p = plan("""
                scenario: tiny.yaml
                parameters:
                  users.count: {from: 20, to: 40, step: 10}
                  users.params.interestStep: {from: 0.1, to: 0.3, count: 3}
                  slate.exposureMemory: {intUniform: [1, 9]}
                  space.centreScale: {logUniform: [0.5, 2.0]}
                samples: 2
                output: OUT
                """);
        assertEquals(3 * 3 * 2, p.points().size());
        assertEquals("users.count=20, users.params.interestStep=0.1", p.points().get(0).label()
                .substring(0, p.points().get(0).label().indexOf(", slate")));
        assertEquals("0.2", p.points().get(2).value("users.params.interestStep"));
        assertEquals("0.3", p.points().get(2 * 2).value("users.params.interestStep"));
        String s0 = p.points().get(0).value("space.centreScale");
        String s1 = p.points().get(1).value("space.centreScale");
        assertNotEquals(s0, s1);
        assertEquals(s0, p.points().get(2).value("space.centreScale"), "the same draws at every grid point");
        double v = Double.parseDouble(s0);
        assertTrue(v >= 0.5 && v < 2.0, s0);
        int m = Integer.parseInt(p.points().get(0).value("slate.exposureMemory"));
        assertTrue(m >= 1 && m <= 9);
        assertEquals(s0, plan("""
                scenario: tiny.yaml
                parameters:
                  users.count: {from: 20, to: 40, step: 10}
                  users.params.interestStep: {from: 0.1, to: 0.3, count: 3}
                  slate.exposureMemory: {intUniform: [1, 9]}
                  space.centreScale: {logUniform: [0.5, 2.0]}
                samples: 2
                output: OUT
                """).points().get(0).value("space.centreScale"), "draws come from the sweep seed");
    }

    @Test
    void unknownParameterPathIsLocatedInTheSweepFile() {
        ScenarioException e = invalid("""
                scenario: tiny.yaml
                parameters:
                  recommender.nam: [random, popular]
                output: OUT
                """);
        assertEquals(1, e.problems().size(), e.getMessage());
        String m = e.problems().get(0).toString();
        assertTrue(m.startsWith(dir.resolve("s.yaml") + ":3:"), m);
        assertTrue(m.contains("unknown key 'nam'") && m.contains("did you mean 'name'"), m);
    }

    @Test
    void aValueTheScenarioRejectsIsLocatedAtTheValue() {
        ScenarioException e = invalid("""
                scenario: tiny.yaml
                parameters:
                  recommender.name: [random, popular]
                  users.count: [10,
                                -5]
                output: OUT
                """);
        assertEquals(1, e.problems().size(), e.getMessage());
        String m = e.problems().get(0).toString();
        assertTrue(m.startsWith(dir.resolve("s.yaml") + ":5:"), m);
        assertTrue(m.contains("users.count") && m.contains("out of range"), m);
    }

    @Test
    void unknownRecommenderAndBadSetValuesAreErrors() {
        ScenarioException e = invalid("""
                scenario: tiny.yaml
                set:
                  slate.coldStart: 3
                parameters:
                  recommender.name: [random, popularr]
                output: OUT
                """);
        String m = e.getMessage();
        assertTrue(m.contains(":3:") && m.contains("slate"), m);
        assertTrue(m.contains(":5:") && m.contains("popularr"), m);
    }

    @Test
    void sweepFileMistakesAreReportedTogetherWithLines() {
        ScenarioException e = invalid("""
                scenario: nowhere.yaml
                parameters:
                  seed: [1, 2]
                  users.count: 20
                  slate.size: {from: 10, to: 20}
                replicate: 3
                replicates: 0
                seeds: random
                output: OUT
                """);
        String m = e.getMessage();
        assertTrue(m.contains("s.yaml:1:") && m.contains("no such scenario file"), m);
        assertTrue(m.contains("s.yaml:3:") && m.contains("cannot be swept"), m);
        assertTrue(m.contains("s.yaml:4:") && m.contains("use set: for a fixed value"), m);
        assertTrue(m.contains("s.yaml:5:") && m.contains("exactly one of step and count"), m);
        assertTrue(m.contains("s.yaml:6:1: key path 'replicate': unknown key"), m);
        assertTrue(m.contains("s.yaml:7:") && m.contains("from 1"), m);
        assertTrue(m.contains("s.yaml:8:") && m.contains("per-point, shared"), m);
    }

    @Test
    void aFixedValueOfASweptPathAndACommandLineSeedAreRefusedNotDropped() {
        // SweepPlan applies swept values after fixed ones and the derived seed last: either would vanish unsaid
        ScenarioException e = invalid("""
                scenario: tiny.yaml
                set:
                  recommender.name: popular
                parameters:
                  recommender.name: [random, popular]
                output: OUT
                """);
        assertEquals(List.of("set.recommender.name"), e.problems().stream().map(p -> p.path()).toList(),
                e.getMessage());
        assertEquals(3, e.problems().get(0).origin().line(), e.getMessage());
        assertTrue(e.getMessage().contains("also swept under parameters"), e.getMessage());
        Path f = SweepFixtures.sweep(dir, "s", SweepFixtures.grid(4), dir.resolve("out"));
        ScenarioException cli = assertThrows(ScenarioException.class,
                () -> SweepFile.read(f, List.of("seed=5", "recommender.name=bpr", "slate.size=7")));
        assertEquals(List.of("--set seed", "--set recommender.name"),
                cli.problems().stream().map(p -> p.path()).toList(), cli.getMessage());
        assertTrue(cli.getMessage().contains("--seed N"), cli.getMessage());
        SweepFile.read(f, List.of("slate.size=7"));
    }

    @Test
    void sampledParametersNeedSamples() {
        ScenarioException e = invalid("""
                scenario: tiny.yaml
                parameters:
                  users.params.interestStep: {uniform: [0.3, 0.1]}
                  users.count: {choice: [20, 30]}
                output: OUT
                """);
        assertTrue(e.getMessage().contains("max must exceed min"), e.getMessage());
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheFile() {
        ScenarioException e = invalid("scenario: tiny.yaml\nparameters: [a\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("s.yaml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
    }

    @Test
    void bundledRecommendersSweepIsValid() {
        Path f = Path.of("sweeps", "recommenders.yaml");
        assertTrue(Files.isRegularFile(f), "run from the scenarios module");
        SweepPlan p = SweepPlan.of(SweepFile.read(f, List.of()), new ScenarioLoader());
        assertEquals(4, p.points().size());
        assertEquals(20, p.runs().size());
        assertEquals(List.of("random", "popular", "content", "bpr"),
                p.points().stream().map(pt -> pt.value("recommender.name")).toList());
        assertEquals(Path.of("news-ecosystem.yaml").toAbsolutePath().normalize(), p.definition().scenario());
        for (PlannedRun r : p.runs()) {
            assertEquals(r.seed(), p.load(r).scenario().seed());
            assertEquals(r.point().value("recommender.name"), p.load(r).scenario().recommender().name());
        }
    }
}
