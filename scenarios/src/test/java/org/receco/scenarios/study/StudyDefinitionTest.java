package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.Fixtures;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Origin;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.study.StudyDefinition.Setting;

class StudyDefinitionTest {
    private static final String WORLD = "rounds: 7\nusers: {count: 30}\nauthors: {count: 4}\n";

    @TempDir
    Path dir;

    private Path study;

    @BeforeEach
    void world() {
        Fixtures.write(dir, "world.yaml", WORLD);
        study = dir.resolve("study.yaml");
    }

    private StudyDefinition read(String text) {
        Fixtures.write(dir, "study.yaml", text);
        return StudyDefinition.read(study);
    }

    private Map<String, LoadedScenario> load(String text) {
        return StudyRunner.load(read(text), Fixtures.CATALOG, 3);
    }

    /** The problems of reading (or, with {@code load}, also loading every arm of) {@code text}, as printed. */
    private List<String> problems(String text, boolean load) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> {
            if (load) {
                load(text);
            } else {
                read(text);
            }
        });
        return e.problems().stream().map(Problem::toString).toList();
    }

    private String at(int line, int column) {
        return study + ":" + line + ":" + column + ": ";
    }

    @Test
    void aValidFileWithAScenarioFile() {
        StudyDefinition d = read("""
                description: two arms
                scenario: world.yaml
                set:
                  rounds: 3
                arms:
                  rand: {recommender.name: random}
                  pop:
                    recommender.name: popular
                    metrics.names: [coverage.item, diversity.ils]
                baseline: rand
                replicates: 4
                seed: 99
                metrics: [gini.interactions, utility.per_click]
                options: {homogenisationPairs: 50}
                """);
        assertEquals("study", d.name());
        assertEquals("two arms", d.description());
        assertEquals(dir.resolve("world.yaml"), d.scenarioFile());
        assertEquals(WORLD, d.scenarioText());
        assertEquals(List.of(new Setting("rounds=3", Origin.at(study.toString(), 4, 11))), d.set());
        assertEquals(List.of("rand", "pop"), List.copyOf(d.arms().keySet()));
        assertEquals(List.of(new Setting("recommender.name=random", Origin.at(study.toString(), 6, 28))),
                d.arms().get("rand"));
        assertEquals(List.of(new Setting("recommender.name=popular", Origin.at(study.toString(), 8, 23)),
                new Setting("metrics.names=[\"coverage.item\",\"diversity.ils\"]", Origin.at(study.toString(), 9, 20))),
                d.arms().get("pop"));
        assertEquals("rand", d.baseline());
        assertEquals(4, d.replicates());
        assertEquals(99, d.seed());
        assertEquals(List.of("gini.interactions", "utility.per_click"), d.metrics());
        assertEquals(50, d.option("homogenisationPairs", 0));
        Map<String, LoadedScenario> arms = StudyRunner.load(d, Fixtures.CATALOG, 3);
        assertEquals("random", arms.get("rand").scenario().recommender().name());
        assertEquals("popular", arms.get("pop").scenario().recommender().name());
        assertEquals(List.of("coverage.item", "diversity.ils"), arms.get("pop").scenario().metrics().names());
        assertEquals(3, arms.get("pop").scenario().rounds());
        assertEquals(3, arms.get("pop").scenario().seed());
    }

    @Test
    void defaultsAreOneArmNamedAfterTheFileOneReplicateSeedOneAndTheDefaultMetrics() {
        StudyDefinition d = read("scenario: world.yaml\n");
        assertEquals(List.of("study"), List.copyOf(d.arms().keySet()));
        assertEquals(List.of(), d.arms().get("study"));
        assertNull(d.baseline());
        assertEquals(1, d.replicates());
        assertEquals(1, d.seed());
        assertEquals(StudyMetrics.DEFAULTS, d.metrics());
    }

    @Test
    void anInlineBlockScenarioIsTheMappingAsReadWithTheStudyFile() {
        String text = """
                name: inline   # a comment
                scenario:      # the world
                  rounds: 9
                  users:
                    count: 25
                  authors: {count: 3}

                arms:
                  rand: {recommender.name: random}
                """;
        StudyDefinition d = read(text);
        assertNull(d.scenarioFile());
        assertEquals(study.toString(), d.scenarioSource());
        assertEquals(text, d.scenarioText());
        assertEquals(Origin.at(study.toString(), 3, 3), d.inline().origin());
        assertEquals(Origin.at(study.toString(), 5, 12), ((MapNode) d.inline().get("users")).get("count").origin());
        LoadedScenario s = StudyRunner.load(d, Fixtures.CATALOG, 3).get("rand");
        assertEquals(9, s.scenario().rounds());
        assertEquals(25, s.scenario().users().count());
        assertEquals(3, s.scenario().authors().count());
        assertEquals("random", s.scenario().recommender().name());
    }

    @Test
    void anInlineFlowScenarioIsReadInPlaceToo() {
        StudyDefinition d = read("""
                replicates: 2
                scenario: {rounds: 6, users: {count: 20},
                  authors: {count: 2}}
                arms: {rand: {recommender.name: random}}
                """);
        assertEquals(Origin.at(study.toString(), 2, 11), d.inline().origin());
        LoadedScenario s = StudyRunner.load(d, Fixtures.CATALOG, 3).get("rand");
        assertEquals(6, s.scenario().rounds());
        assertEquals(20, s.scenario().users().count());
        assertEquals(2, s.scenario().authors().count());
    }

    @Test
    void aTypoInsideAnInlineScenarioIsReportedAtTheStudyFilesLineAndColumn() {
        List<String> p = problems("""
                name: typo
                scenario:
                  rounds: 9
                  slate:
                    coldstrt: 3
                  users: {count: 20, cont: 3}
                arms:
                  rand: {recommender.name: random}
                """, true);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(5, 5) + "key path 'slate.coldstrt': unknown key 'coldstrt'"), p.get(0));
        assertTrue(p.get(1).startsWith(at(6, 22) + "key path 'users.cont': unknown key 'cont'"), p.get(1));
    }

    /**
     * An inline scenario sharing its line with other top-level keys: it was once cut out of the study file as
     * text, which this layout defeated; as a subtree of the study file it loads, and its problems keep their
     * columns on that line.
     */
    @Test
    void anInlineScenarioOnTheLineOfOtherKeysLoadsAndIsLocatedInPlace() {
        Map<String, LoadedScenario> arms = load("{scenario: {rounds: 3}, arms: {a: {recommender.name: random}}}\n");
        assertEquals(3, arms.get("a").scenario().rounds());
        List<String> p = problems("{scenario: {rounds: 3, slate: {sise: 2}}, arms: {a: {}}}\n", true);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(1, 32) + "key path 'slate.sise': unknown key 'sise'"), p.get(0));
    }

    @Test
    void anUnknownKeyIsReportedAtItsLineAndColumnWithTheAllowedKeys() {
        List<String> p = problems("scenario: world.yaml\nreplicate: 3\n", false);
        assertEquals(List.of(at(2, 1) + "key path 'replicate': unknown key; allowed: name, description, scenario, "
                + "set, arms, baseline, replicates, seed, metrics, options"), p);
    }

    @Test
    void replicatesMustBeAPositiveInteger() {
        assertEquals(List.of(at(2, 13) + "key path 'replicates': expected an integer from 1 to 1000000, got the "
                + "string 'two'"),
                problems("scenario: world.yaml\nreplicates: two\n", false));
        assertEquals(List.of(at(2, 13) + "key path 'replicates': expected an integer from 1 to 1000000, got 0"),
                problems("scenario: world.yaml\nreplicates: 0\n", false));
        assertEquals(List.of(at(2, 7) + "key path 'seed': expected an integer, got 1.5"),
                problems("scenario: world.yaml\nseed: 1.5\n", false));
    }

    @Test
    void anUnknownMetricIsReportedAtItsEntryWithDidYouMeanAndTheKnownNames() {
        List<String> p = problems("scenario: world.yaml\nmetrics: [clicks, gini.interaction]\n", false);
        assertEquals(List.of(at(2, 19) + "key path 'metrics.1': unknown study metric 'gini.interaction' (did you "
                + "mean 'gini.interactions'?); allowed: " + String.join(", ", StudyMetrics.known())), p);
        assertTrue(StudyMetrics.known().containsAll(List.of("clicks", "gini.interactions", "homogenisation.similar",
                "precision.niche")), StudyMetrics.known().toString());
    }

    @Test
    void theBaselineMustNameAnArm() {
        List<String> p = problems("""
                scenario: world.yaml
                arms:
                  rand: {recommender.name: random}
                  pop: {recommender.name: popular}
                baseline: ideal
                """, false);
        assertEquals(List.of(at(5, 11) + "key path 'baseline': 'ideal' is not an arm; allowed: rand, pop"), p);
    }

    @Test
    void optionsAreNamedNumbers() {
        List<String> p = problems("scenario: world.yaml\noptions: {mseUsers: many, nichShare: 0.2}\n", false);
        assertEquals(List.of(at(2, 21) + "key path 'options.mseUsers': expected a number, got the string 'many'",
                at(2, 27) + "key path 'options.nichShare': unknown option; allowed: homogenisationPairs, k, mseUsers, "
                        + "nicheShare, topicWindow"), p);
    }

    @Test
    void everyMistakeInTheFileIsReportedAtOnceInLineOrder() {
        List<String> p = problems("""
                scenario: nowhere.yaml
                arms: [a, b]
                set: 3
                replicates: -1
                metrics: nn
                colour: red
                """, false);
        assertEquals(6, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(1, 11) + "key path 'scenario': no such scenario file "), p.get(0));
        assertTrue(p.get(1).startsWith(at(2, 7) + "key path 'arms': expected a mapping of arm names"), p.get(1));
        assertTrue(p.get(2).startsWith(at(3, 6) + "key path 'set': expected a mapping"), p.get(2));
        assertTrue(p.get(3).startsWith(at(4, 13) + "key path 'replicates'"), p.get(3));
        assertTrue(p.get(4).startsWith(at(5, 10) + "key path 'metrics': expected a list"), p.get(4));
        assertTrue(p.get(5).startsWith(at(6, 1) + "key path 'colour': unknown key"), p.get(5));
    }

    @Test
    void aMissingStudyFileOrScenarioIsAProblem() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> StudyDefinition.read(dir.resolve("none.yaml")));
        assertEquals(List.of(dir.resolve("none.yaml") + ": no such study file"),
                e.problems().stream().map(Problem::toString).toList());
        List<String> p = problems("name: x\narms: {a: {}}\n", false);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(1, 1) + "key path 'scenario': missing"), p.get(0));
    }

    @Test
    void anArmsBadOverrideIsReportedAtTheArmsLineWithTheAllowedNames() {
        List<String> p = problems("""
                scenario: world.yaml
                arms:
                  rand: {recommender.name: random}
                  typo: {recommender.name: nosuch}
                """, true);
        assertEquals(List.of(at(4, 28) + "key path 'recommender.name': unknown recommender 'nosuch' "
                + "(recommender.name=nosuch); allowed: " + String.join(", ",
                Fixtures.CATALOG.components("recommender").keySet())), p);
    }

    @Test
    void aBadSetValueIsReportedOnceAtItsLineThoughEveryArmHasIt() {
        List<String> p = problems("""
                scenario: world.yaml
                set: {users.count: -5}
                arms:
                  rand: {recommender.name: random}
                  pop: {recommender.name: popular}
                """, true);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(at(2, 20) + "key path 'users.count': -5 is out of range (users.count=-5)"),
                p.get(0));
    }

    @Test
    void overridesTypedOnTheCommandLineKeepTheirOrigin() {
        StudyDefinition d = read("scenario: world.yaml\narms: {rand: {recommender.name: random}}\n")
                .withSet(List.of("users.count=-5"));
        assertEquals(Origin.override("users.count=-5"), d.overrides("rand").get(0).origin());
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudyRunner.load(d, Fixtures.CATALOG, 1));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("--set users.count=-5: key path 'users.count': -5 is "
                + "out of range;"), e.getMessage());
    }
}
