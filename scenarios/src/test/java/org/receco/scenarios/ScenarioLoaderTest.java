package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.StoreOptions.ImpressionMode;
import org.receco.scenarios.model.AddPopulationSpec;
import org.receco.scenarios.model.BreakingNewsSpec;
import org.receco.scenarios.model.PopulationSpec;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.model.SwitchRecommenderSpec;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Fixtures.CATALOG);

    private LoadedScenario load(String yaml, String... overrides) {
        return loader.load(Fixtures.write(dir, "s.yaml", yaml), List.of(overrides));
    }

    private ScenarioException invalid(String yaml, String... overrides) {
        return assertThrows(ScenarioException.class, () -> load(yaml, overrides));
    }

    /** The problem at {@code line} on {@code path}, whose text names the file, the line and every fragment. */
    private Problem assertProblem(ScenarioException e, int line, String path, String... fragments) {
        Problem p = e.problems().stream()
                .filter(x -> x.origin().line() == line && x.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem at line " + line + " on '" + path + "' in:\n"
                        + e.getMessage()));
        String text = p.toString();
        assertTrue(text.startsWith(dir.resolve("s.yaml") + ":" + line + ":"), text);
        assertTrue(text.contains("key path '" + path + "': "), text);
        for (String f : fragments) {
            assertTrue(text.contains(f), "expected '" + f + "' in: " + text);
        }
        return p;
    }

    // ----------------------------------------------------------------------------------------- valid files

    @Test
    void anEmptyMappingGivesTheBuiltInDefaults() {
        Scenario s = load("{}\n").scenario();
        assertEquals("scenario", s.name());
        assertEquals(50, s.rounds());
        assertEquals(2000, s.users().count());
        assertEquals("simuline", s.users().model());
        assertEquals(200, s.authors().count());
        assertEquals(50, s.slate().size());
        assertEquals(40, s.slate().match());
        assertEquals("bpr", s.recommender().name());
        assertEquals(ImpressionMode.sampled, s.store().impressions());
        assertEquals(0.05, s.store().impressionSample());
        assertEquals(16, s.space().dims());
        assertEquals(List.of(), s.events());
    }

    @Test
    void fileValuesOverrideDefaultsKeyByKey() {
        Scenario s = load("""
                name: small
                rounds: 10
                slate:
                  size: 20
                  match: 15
                  coldStart: 5
                store:
                  impressions: off
                """).scenario();
        assertEquals("small", s.name());
        assertEquals(10, s.rounds());
        assertEquals(20, s.slate().size());
        assertEquals(5, s.slate().exposureMemory(), "untouched keys of a section keep their defaults");
        assertEquals(ImpressionMode.off, s.store().impressions(), "YAML 1.1 'off' still names the enum");
        assertEquals(1L, s.seed());
    }

    @Test
    void componentParamsAreMergedOverTheFactoryDefaults() {
        Scenario s = load("""
                users:
                  params:
                    likeThreshold: {mean: 0.4}
                recommender:
                  params: {k: 20}
                """).scenario();
        assertEquals(Map.of("k", 20, "rate", 0.05), s.recommender().params());
        assertEquals(10, s.users().params().get("clicksPerRound"));
        assertEquals(Map.of("mean", 0.4, "sd", 0.1, "min", 0.0, "max", 1.0), s.users().params().get("likeThreshold"));
        assertEquals(Map.of("itemsPerRound", 5), s.authors().params());
    }

    @Test
    void paramsAreBoundToTheRecordOfTheNamedComponent() {
        Scenario s = load("recommender: {name: bpr, params: {k: 7}}\n").scenario();
        Fixtures.FakeRecParams p = ComponentParams.bind(s.recommender(), Fixtures.FakeRecParams.class);
        assertEquals(new Fixtures.FakeRecParams(7, 0.05), p);
    }

    @Test
    void eventsGetTheirPerTypeDefaults() {
        Scenario s = load("""
                rounds: 30
                events:
                  - type: breaking-news
                    round: 10
                    topic: 2
                  - type: switch-recommender
                    round: 20
                    recommender: {name: popular}
                """).scenario();
        BreakingNewsSpec news = assertInstanceOf(BreakingNewsSpec.class, s.events().get(0));
        assertEquals(new BreakingNewsSpec(10, 2, 50, 8.0, 0.3, 5, List.of()), news);
        SwitchRecommenderSpec sw = assertInstanceOf(SwitchRecommenderSpec.class, s.events().get(1));
        assertEquals(20, sw.round());
        assertEquals("popular", sw.recommender().name());
        assertEquals(1, sw.recommender().trainEvery());
        assertEquals(Map.of(), sw.recommender().params());
    }

    @Test
    void theLoadedScenarioCarriesItsTextAndAHashOfTextAndOverrides() {
        String yaml = "rounds: 10\n";
        LoadedScenario a = load(yaml);
        LoadedScenario b = load(yaml, "rounds=12");
        assertEquals(yaml, a.text());
        assertEquals(dir.resolve("s.yaml").toString(), a.sourceName());
        assertEquals(64, a.sha256().length());
        assertEquals(ScenarioLoader.sha256(yaml, List.of()), a.sha256());
        assertNotEquals(a.sha256(), b.sha256());
        assertEquals(List.of("rounds=12"), b.overrides());
        assertEquals(12, b.scenario().rounds());
    }

    @Test
    void theResolvedYamlLoadsBackToTheSameScenario() {
        LoadedScenario a = load("""
                rounds: 30
                recommender: {name: bpr, params: {k: 3}}
                events:
                  - {type: breaking-news, round: 10, authorIds: [1, 2]}
                  - {type: switch-recommender, round: 20, recommender: {name: random}}
                """);
        LoadedScenario b = loader.load("resolved", a.resolvedYaml(), List.of());
        assertEquals(a.scenario(), b.scenario());
    }

    // ------------------------------------------------------------------------------------------ populations

    @Test
    void theSingleUsersFormIsOnePopulationCalledUsers() {
        Scenario s = load("users: {count: 30, params: {clicksPerRound: 4}}").scenario();
        assertEquals(List.of(), s.users().populations());
        PopulationSpec only = s.users().all().get(0);
        assertEquals(1, s.users().all().size());
        assertEquals(new PopulationSpec("users", 30, "simuline", s.users().params()), only);
        assertEquals(4, only.params().get("clicksPerRound"));
        assertEquals(30, s.users().totalCount());
    }

    @Test
    void severalPopulationsAreDeclaredInIdOrderWithTheirOwnParams() {
        LoadedScenario a = load("""
                users:
                  populations:
                    - {name: latent, count: 200, model: simuline}
                    - {name: eager, count: 5, model: simuline, params: {clicksPerRound: 40}}
                """);
        Scenario s = a.scenario();
        assertEquals(List.of("latent", "eager"), s.users().all().stream().map(PopulationSpec::name).toList());
        assertEquals(205, s.users().totalCount());
        assertEquals(10, s.users().all().get(0).params().get("clicksPerRound"), "the model's default");
        assertEquals(40, s.users().all().get(1).params().get("clicksPerRound"));
        assertEquals(null, s.users().count(), "no single-population count beside populations");
        assertEquals(s, loader.load("resolved", a.resolvedYaml(), List.of()).scenario(), "resolved YAML loads back");
    }

    @Test
    void populationErrorsGiveFileAndLine() {
        ScenarioException e = invalid("""
                users:
                  populations:
                    - {name: latent, count: 200, model: simuline}
                    - name: llm
                      count: 5
                      model: simulin
                    - {name: latent, count: 0, model: simuline}
                """);
        assertProblem(e, 6, "users.populations.1.model", "unknown user model 'simulin'", "did you mean 'simuline'?",
                "allowed: simuline");
        assertProblem(e, 7, "users.populations.2.count", "out of range");
        ScenarioException both = invalid("""
                users:
                  count: 100
                  populations:
                    - {name: latent, count: 200, model: simuline}
                """);
        assertProblem(both, 2, "users.count", "'count' is for a single population");
    }

    @Test
    void aPopulationNameGivenTwiceIsReportedAtTheSecond() {
        ScenarioException e = invalid("""
                users:
                  populations:
                    - {name: latent, count: 200, model: simuline}
                    - {name: latent, count: 5, model: simuline}
                """);
        assertProblem(e, 4, "users.populations.1.name", "population 'latent' is declared already");
        ScenarioException o = invalid("users: {populations: [{name: a, count: 2, model: simuline}]}",
                "users.model=simuline");
        assertTrue(o.getMessage().contains("'model' is for a single population"), o.getMessage());
    }

    @Test
    void anAddPopulationEventNamesAUserModelAndANewPopulation() {
        Scenario s = load("""
                rounds: 10
                events:
                  - {type: add-population, round: 4, name: attack, count: 7, model: simuline,
                     params: {clicksPerRound: 60}}
                """).scenario();
        AddPopulationSpec add = assertInstanceOf(AddPopulationSpec.class, s.events().get(0));
        assertEquals("add-population", add.type());
        assertEquals(4, add.round());
        assertEquals(7, add.count());
        assertEquals(60, add.params().get("clicksPerRound"));
        ScenarioException e = invalid("""
                rounds: 10
                events:
                  - {type: add-population, round: 4, name: bots, count: 7, model: simuline}
                  - type: add-population
                    round: 5
                    name: bots
                    count: 7
                    model: simuline
                """);
        assertProblem(e, 6, "events.1.name", "population 'bots' is declared already");
        ScenarioException clash = invalid("""
                rounds: 10
                events:
                  - type: add-population
                    round: 5
                    name: users
                    count: 7
                    model: simulinee
                """);
        assertProblem(clash, 7, "events.0.model", "unknown user model 'simulinee'");
        ScenarioException initial = invalid(
                "events: [{type: add-population, round: 4, name: users, count: 7, model: simuline}]");
        assertTrue(initial.getMessage().contains("key path 'events.0.name': population 'users' is declared "
                + "already"), initial.getMessage());
    }

    @Test
    void metricsCoverTheNamedPopulationsWhichMustBeDeclared() {
        Scenario s = load("""
                rounds: 10
                metrics: {populations: [users]}
                events: [{type: add-population, round: 2, name: bots, count: 3, model: simuline}]
                """).scenario();
        assertEquals(List.of("users"), s.metrics().populations());
        assertEquals(List.of(), load("{}").scenario().metrics().populations(), "default: every user");
        ScenarioException e = invalid("""
                rounds: 10
                metrics:
                  populations: [users, bot]
                events: [{type: add-population, round: 2, name: bots, count: 3, model: simuline}]
                """);
        assertProblem(e, 3, "metrics.populations.1", "unknown population 'bot'", "did you mean 'bots'?",
                "allowed: users, bots");
    }

    @Test
    void topicWeightsAreReportedAtTheBadEntryOrAtTheList() {
        ScenarioException negative = invalid("""
                space:
                  topics: 3
                  topicWeights: [1, -0.5, 2]
                """);
        assertEquals(1, negative.problems().size(), negative.getMessage());
        Problem p = assertProblem(negative, 3, "space.topicWeights.1", "weight -0.5 is negative");
        assertEquals(21, p.origin().column());
        ScenarioException length = invalid("""
                space:
                  topics: 3
                  topicWeights:
                    - 1
                    - 2
                """);
        assertEquals(1, length.problems().size(), length.getMessage());
        assertProblem(length, 4, "space.topicWeights", "one weight per topic", "got 2 weights");
        assertProblem(invalid("space: {topics: 2, topicWeights: [0, 0]}\n"), 1, "space.topicWeights", "all zero");
        assertProblem(invalid("space:\n  kind: dirichlet\n  dims: 4\n  topics: 3\n"), 4, "space.topics",
                "must equal dims (4)");
    }

    // ------------------------------------------------------------------------------------------ overrides

    @Test
    void anOverriddenRoundCountLeavesOutTheEventsAfterItAndSaysSo() {
        String yaml = """
                rounds: 30
                events:
                  - {type: breaking-news, round: 25, topic: 1}
                  - {type: add-population, round: 2, name: bots, count: 3, model: simuline}
                  - {type: switch-recommender, round: 12, recommender: {name: random}}
                """;
        LoadedScenario cut = load(yaml, "rounds=10");
        assertEquals(10, cut.scenario().rounds());
        assertEquals(List.of("add-population"), cut.scenario().events().stream().map(e -> e.type()).toList());
        assertEquals(List.of("breaking-news at round 25", "switch-recommender at round 12"), cut.dropped());
        assertEquals("note: rounds 10 (overridden) ends the run before 2 events, which are left out: "
                + "breaking-news at round 25, switch-recommender at round 12", cut.droppedNote());
        assertEquals(List.of(), load(yaml).dropped());
        assertEquals("", load(yaml).droppedNote());
        // the kept events are still checked, at their own place in the file
        ScenarioException e = invalid(yaml.replace("topic: 1}", "topic: 1}\n  - {type: breaking-news, round: 3, "
                + "topic: 99}"), "rounds=10");
        assertProblem(e, 4, "events.1.topic", "topic 99 does not exist");
        // written in the file itself, an event past the end stays an error
        assertProblem(invalid(yaml.replace("rounds: 30", "rounds: 10")), 3, "events.0.round",
                "is not before the end of the run");
    }

    @Test
    void overridesWinOverTheFileAndParseValuesAsYaml() {
        Scenario s = load("""
                rounds: 30
                recommender: {name: bpr}
                events:
                  - {type: breaking-news, round: 10}
                """, "recommender.name=random", "slate.coldStart=20", "slate.match=30",
                "users.params.clicksPerRound=5", "events.0.round=3", "space.topicWeights=[1, 2, 3]",
                "space.topics=3", "store.impressions=full", "name=with spaces").scenario();
        assertEquals("random", s.recommender().name());
        assertEquals(20, s.slate().coldStart());
        assertEquals(5, s.users().params().get("clicksPerRound"));
        assertEquals(3, s.events().get(0).round());
        assertEquals(List.of(1.0, 2.0, 3.0), s.space().topicWeights());
        assertEquals(ImpressionMode.full, s.store().impressions());
        assertEquals("with spaces", s.name());
    }

    @Test
    void anOverrideOnePastTheEndAppendsAListItem() {
        Scenario s = load("rounds: 30\n", "events.0.type=breaking-news", "events.0.round=4").scenario();
        assertEquals(1, s.events().size());
        assertEquals(4, s.events().get(0).round());
    }

    @Test
    void overrideErrorsNameTheOverride() {
        ScenarioException e = invalid("rounds: 10\n", "slate.colStart=20", "rounds=abc", "events.3.round=1",
                "seed", "seed.x=1");
        String m = e.getMessage();
        assertTrue(m.contains("--set slate.colStart=20: key path 'slate.colStart': unknown key 'colStart' "
                + "(did you mean 'coldStart'?); allowed: size, match, coldStart"), m);
        assertTrue(m.contains("--set rounds=abc: key path 'rounds': expected an integer, got the string 'abc'; "
                + "allowed: an integer from 1 to 1000000"), m);
        assertTrue(m.contains("--set events.3.round=1: key path 'events.3': 'events' is a list of 0 items"), m);
        assertTrue(m.contains("--set seed: expected path=value"), m);
        assertTrue(m.contains("--set seed.x=1: key path 'seed': 'seed' is a single value, not a section"), m);
        assertEquals(5, e.problems().size(), m);
    }

    @Test
    void anOverrideCausingACrossFieldErrorIsReportedAtTheOverride() {
        ScenarioException e = invalid("slate: {size: 50, match: 40, coldStart: 10}\n", "slate.hot=3");
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("--set slate.hot=3: key path 'slate': slate shares must add up"),
                e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ file errors

    @Test
    void unknownKeyNamesTheClosestKeyAndTheAllowedOnes() {
        ScenarioException e = invalid("""
                rounds: 10
                slate:
                  size: 50
                  coldstart: 10
                """);
        Problem p = assertProblem(e, 4, "slate.coldstart", "unknown key 'coldstart'", "did you mean 'coldStart'?",
                "allowed: size, match, coldStart, hot, promote, promoteAuthors, promoteRedrawEvery, exposureMemory");
        assertEquals(3, p.origin().column(), "the key's own column");
    }

    @Test
    void aStringWhereAnIntegerIsExpectedSaysSo() {
        ScenarioException e = invalid("rounds: ten\n");
        Problem p = assertProblem(e, 1, "rounds", "expected an integer, got the string 'ten'",
                "allowed: an integer from 1 to 1000000");
        assertEquals(9, p.origin().column(), "the value's column");
    }

    @Test
    void aFractionForAnIntegerIsRejected() {
        ScenarioException e = invalid("users:\n  count: 1.5\n");
        assertProblem(e, 2, "users.count", "expected an integer, got the fraction 1.5",
                "allowed: an integer from 1 to 100000000");
    }

    @Test
    void aSectionWhereANumberIsExpectedIsRejected() {
        ScenarioException e = invalid("store:\n  impressionSample: {a: 1}\n");
        assertProblem(e, 2, "store.impressionSample", "expected a number, got a section of keys",
                "allowed: a number from 0 to 1");
    }

    @Test
    void aValueOutOfRangeGivesTheRange() {
        ScenarioException e = invalid("""
                store:
                  impressionSample: 1.5
                slate:
                  exposureMemory: -1
                """);
        assertProblem(e, 2, "store.impressionSample", "1.5 is out of range", "allowed: a number from 0 to 1");
        assertProblem(e, 4, "slate.exposureMemory", "-1 is out of range", "allowed: an integer from 0 to 1000");
    }

    @Test
    void anIntegerTooLargeForItsTypeIsRejected() {
        ScenarioException e = invalid("threads: 99999999999\n");
        assertProblem(e, 1, "threads", "too large", "an integer from 0 to 1024");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        ScenarioException e = invalid("store:\n  impressions: ful\n");
        assertProblem(e, 2, "store.impressions", "unknown value 'ful'", "did you mean 'full'?",
                "allowed: off, sampled, full");
    }

    @Test
    void aNonBooleanForABooleanIsRejected() {
        ScenarioException e = invalid("store:\n  interactions: maybe\n");
        assertProblem(e, 2, "store.interactions", "expected true or false", "allowed: true, false");
    }

    @Test
    void unknownComponentNameListsTheRegisteredNamesAndTheClosest() {
        ScenarioException e = invalid("recommender:\n  name: bpx\n");
        assertProblem(e, 2, "recommender.name", "unknown recommender 'bpx'", "did you mean 'bpr'?",
                "allowed: random, popular, bpr");
        e = invalid("users: {model: simulin}\nauthors: {model: blogs}\n");
        assertProblem(e, 1, "users.model", "unknown user model 'simulin'", "did you mean 'simuline'?",
                "allowed: simuline");
        assertProblem(e, 2, "authors.model", "unknown author model 'blogs'", "allowed: news");
    }

    @Test
    void paramsAreValidatedAgainstTheNamedComponentsRecord() {
        ScenarioException e = invalid("""
                recommender:
                  name: bpr
                  params:
                    k: 0
                    rat: 0.1
                users:
                  params:
                    likeThreshold: {mean: x}
                """);
        assertProblem(e, 4, "recommender.params.k", "0 is out of range", "allowed: an integer from 1 to 100");
        assertProblem(e, 5, "recommender.params.rat", "unknown parameter 'rat' of recommender 'bpr'",
                "did you mean 'rate'?", "allowed: k, rate");
        assertProblem(e, 8, "users.params.likeThreshold.mean", "expected a number, got the string 'x'");
    }

    @Test
    void aComponentNameThatIsNotAStringIsReportedOnce() {
        ScenarioException e = invalid("recommender:\n  name: [bpr]\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertProblem(e, 2, "recommender.name", "expected a string, got a list");
    }

    @Test
    void paramsOfOneComponentAreNotAllowedForAnother() {
        ScenarioException e = invalid("recommender:\n  name: random\n  params: {k: 3}\n");
        assertProblem(e, 3, "recommender.params.k", "unknown parameter 'k' of recommender 'random'",
                "allowed: ");
    }

    @Test
    void aParamsRecordConstraintIsReportedAtTheParamsKey() {
        ScenarioException e = invalid("recommender:\n  name: bpr\n  params: {k: 60, rate: 0.9}\n");
        assertProblem(e, 3, "recommender.params", "k > 50 needs rate <= 0.5");
    }

    @Test
    void crossFieldConstraintsAreReportedAtTheSectionKey() {
        ScenarioException e = invalid("""
                rounds: 10
                slate:
                  size: 50
                  match: 45
                """);
        Problem p = assertProblem(e, 2, "slate", "slate shares must add up to slate.size (50)");
        assertEquals(1, p.origin().column());
        assertEquals(null, p.allowed());
    }

    @Test
    void anEventAfterTheLastRoundIsReportedAtItsRound() {
        ScenarioException e = invalid("""
                rounds: 10
                events:
                  - type: breaking-news
                    round: 10
                """);
        assertProblem(e, 4, "events.0.round", "not before the end of the run", "allowed: 0 to 9");
    }

    @Test
    void eventTypeErrors() {
        ScenarioException e = invalid("""
                rounds: 10
                events:
                  - type: breaking-new
                    round: 1
                  - round: 2
                  - type: switch-recommender
                  - type: breaking-news
                    round: 1
                    authours: 3
                """);
        assertProblem(e, 3, "events.0.type", "unknown type 'breaking-new'", "did you mean 'breaking-news'?",
                "allowed: breaking-news, switch-recommender");
        assertProblem(e, 5, "events.1.type", "required key is missing", "allowed: breaking-news, switch-recommender");
        assertProblem(e, 6, "events.2.round", "required key is missing", "allowed: an integer >= 1");
        assertProblem(e, 9, "events.3.authours", "unknown key 'authours'", "did you mean 'authors'?",
                "allowed: type, round, topic, items, quality, spread, authors, authorIds");
    }

    @Test
    void switchRecommenderEventsCheckTheRecommenderName() {
        ScenarioException e = invalid("""
                rounds: 10
                events:
                  - type: switch-recommender
                    round: 5
                    recommender: {name: popularr}
                """);
        assertProblem(e, 5, "events.0.recommender.name", "unknown recommender 'popularr'",
                "did you mean 'popular'?", "allowed: random, popular, bpr");
    }

    @Test
    void wrongShapesAreReported() {
        ScenarioException e = invalid("""
                slate: 5
                events: {type: breaking-news}
                space:
                  topicWeights: 3
                """);
        assertProblem(e, 1, "slate", "expected a section with keys, got 5", "allowed: size, match");
        assertProblem(e, 2, "events", "expected a list, got a section of keys");
        assertProblem(e, 4, "space.topicWeights", "expected a list, got 3");
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        ScenarioException e = invalid("""
                rounds: 0
                seeed: 2
                users:
                  count: -1
                store:
                  impressions: all
                """);
        assertEquals(List.of(1, 2, 4, 6), e.problems().stream().map(p -> p.origin().line()).toList(),
                e.getMessage());
    }

    @Test
    void yamlSyntaxErrorsGiveTheirPosition() {
        ScenarioException e = invalid("rounds: 10\nslate:\n  size: [1, 2\n");
        assertEquals(1, e.problems().size());
        String m = e.getMessage();
        assertTrue(m.startsWith(dir.resolve("s.yaml") + ":"), m);
        assertTrue(m.contains("YAML syntax error"), m);
    }

    @Test
    void duplicateKeysAreReported() {
        ScenarioException e = invalid("rounds: 10\nrounds: 20\n");
        assertProblem(e, 2, "rounds", "duplicate key (first given at line 1)");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRejected() {
        ScenarioException e = invalid("- a\n- b\n");
        assertTrue(e.getMessage().contains("a scenario file must be a mapping of keys, got a list"), e.getMessage());
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        Path missing = dir.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void nullValuesKeepTheDefaults() {
        Scenario s = load("description:\nusers:\n  params:\n").scenario();
        assertEquals("", s.description());
        assertFalse(s.users().params().isEmpty());
    }
}
