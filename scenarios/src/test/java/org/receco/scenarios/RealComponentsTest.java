package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.Components;
import org.receco.agents.Normal;
import org.receco.agents.authors.NewsAuthorParams;
import org.receco.agents.users.SimulineUserParams;
import org.receco.scenarios.model.Scenario;

/** The loader against the real registries of {@link Components}. */
class RealComponentsTest {
    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader();

    private LoadedScenario load(String yaml, String... overrides) {
        return loader.load(Fixtures.write(dir, "real.yaml", yaml), List.of(overrides));
    }

    private String errors(String yaml, String... overrides) {
        return assertThrows(ScenarioException.class, () -> load(yaml, overrides)).getMessage();
    }

    @Test
    void theDefaultScenarioLoadsWithTheRealComponents() {
        Scenario s = load("rounds: 5\n").scenario();
        assertEquals("bpr", s.recommender().name());
        SimulineUserParams users = ComponentParams.bind(s.users(), SimulineUserParams.class);
        assertEquals(SimulineUserParams.defaults(), users);
        NewsAuthorParams authors = ComponentParams.bind(s.authors(), NewsAuthorParams.class);
        assertEquals(NewsAuthorParams.defaults(), authors);
    }

    @Test
    void userParamsMergeOverSimulineDefaults() {
        Scenario s = load("users:\n  model: simuline\n  params:\n    clicksPerRound: 3\n    likeThreshold: {mean: 0.6}\n")
                .scenario();
        SimulineUserParams p = ComponentParams.bind(s.users(), SimulineUserParams.class);
        SimulineUserParams d = SimulineUserParams.defaults();
        assertEquals(3, p.clicksPerRound());
        assertEquals(new Normal(0.6, d.likeThreshold().sd(), d.likeThreshold().min(), d.likeThreshold().max()),
                p.likeThreshold());
        assertEquals(d.interestStep(), p.interestStep());
    }

    @Test
    void unknownRecommenderListsTheRegisteredOnes() {
        String m = errors("recommender:\n  name: bpx\n");
        assertTrue(m.contains("real.yaml:2:9: key path 'recommender.name': unknown recommender 'bpx' "
                + "(did you mean 'bpr'?); allowed: random, popular, content, bpr, oracle"), m);
    }

    @Test
    void simulineParamsAreValidated() {
        String m = errors("users:\n  params:\n    clicksPerRound: -1\n    clickz: 3\n    likeThreshold: {mean: 0.3, sd: -1}\n");
        assertTrue(m.contains("real.yaml:3:21: key path 'users.params.clicksPerRound': -1 is out of range; "
                + "allowed: an integer from 0 to 1000"), m);
        assertTrue(m.contains("real.yaml:4:5: key path 'users.params.clickz': unknown parameter 'clickz' of "
                + "user model 'simuline'"), m);
        assertTrue(m.contains("allowed: clicksPerRound, likeThreshold, qualityWeight, concentration, interestStep, "
                + "bestQuality"), m);
        assertTrue(m.contains("key path 'users.params.likeThreshold': sd must be >= 0"), m);
    }

    @Test
    void newsParamsAreValidated() {
        String m = errors("authors:\n  model: news\n  params: {itemsPerRound: many}\n");
        assertTrue(m.contains("real.yaml:3:27: key path 'authors.params.itemsPerRound': expected an integer, "
                + "got the string 'many'"), m);
    }

    @Test
    void bprParamsAreValidatedPerName() {
        String m = errors("recommender:\n  name: bpr\n  params: {nonsense: 1}\n");
        assertTrue(m.contains("key path 'recommender.params.nonsense': unknown parameter 'nonsense' of recommender "
                + "'bpr'"), m);
        m = errors("recommender:\n  name: random\n", "recommender.params.nonsense=1");
        assertTrue(m.startsWith("--set recommender.params.nonsense=1: key path 'recommender.params.nonsense': "
                + "unknown parameter 'nonsense' of recommender 'random'"), m);
    }

    @Test
    void everyRegisteredComponentLoadsWithItsDefaults() {
        for (String name : Components.RECOMMENDERS.names()) {
            Scenario s = load("rounds: 3\n", "recommender.name=" + name).scenario();
            Record params = ComponentParams.bind(s.recommender(),
                    Components.RECOMMENDERS.get(name).paramsType());
            assertEquals(Components.RECOMMENDERS.get(name).defaults(), params, name);
        }
    }

    @Test
    void componentsAreCreatedFromTheirParams() {
        Scenario s = load("rounds: 3\n").scenario();
        assertNotNull(ComponentParams.create(Components.USER_MODELS.get(s.users().model()), s.users()));
        assertNotNull(ComponentParams.create(Components.AUTHOR_MODELS.get(s.authors().model()), s.authors()));
    }

    @Test
    void theStandardCatalogSeesTheRegisteredNames() {
        ComponentCatalog c = ComponentCatalog.standard();
        assertTrue(c.components(ComponentCatalog.RECOMMENDER).keySet()
                .containsAll(List.of("random", "popular", "content", "bpr", "oracle")));
        assertEquals(SimulineUserParams.class,
                c.find(ComponentCatalog.USER_MODEL, "simuline").orElseThrow().paramsType());
        assertEquals(NewsAuthorParams.class,
                c.find(ComponentCatalog.AUTHOR_MODEL, "news").orElseThrow().paramsType());
    }
}
