package org.receco.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;

/** The model inspector's parameters: validated exactly like {@code --set}, applied only when valid. */
class ScenarioParametersTest {
    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();

    private ScenarioParameters parameters(Path file, List<String> overrides) {
        ScenarioLoader loader = new ScenarioLoader();
        return new ScenarioParameters(loader, loader.load(file, overrides), file, problems::add);
    }

    @Test
    void gettersShowTheEffectiveScenario() throws Exception {
        ScenarioParameters p = parameters(TinyScenario.write(dir), List.of("slate.size=30", "slate.match=26"));
        assertEquals(3, p.getSeed());
        assertEquals(5, p.getRounds());
        assertEquals(300, p.getUsers());
        assertEquals(30, p.getAuthors());
        assertEquals(6, p.getTopics());
        assertEquals(8, p.getDims());
        assertEquals("bpr", p.getRecommender());
        assertEquals(30, p.getSlateSize());
        assertEquals(26, p.getSlateMatch());
        assertEquals(4, p.getSlateColdStart());
        assertEquals(10, p.getClicksPerRound(), "a user-model default");
        assertTrue(p.getInterestStep() > 0);
        assertTrue(p.getItemsPerRound() > 0);
    }

    @Test
    void anInvalidValueGetsTheValidatorsMessageAndChangesNothing() throws Exception {
        Path file = TinyScenario.write(dir);
        ScenarioParameters p = parameters(file, List.of());
        String expected = assertThrows(ScenarioException.class,
                () -> new ScenarioLoader().load(file, List.of("recommender.name=bprr"))).getMessage();
        p.setRecommender("bprr");
        assertEquals(List.of(expected), problems);
        assertTrue(expected.contains("recommender.name"), expected);
        assertEquals("bpr", p.getRecommender());
        assertEquals("", p.getOverrides());

        problems.clear();
        p.setSlateColdStart(5);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("add up to"), problems.get(0));
        assertEquals(4, p.getSlateColdStart());
    }

    @Test
    void overridesChangeSeveralKeysAtOnce() throws Exception {
        ScenarioParameters p = parameters(TinyScenario.write(dir), List.of());
        p.setOverrides("slate.size=30; slate.match=26\nrecommender.name=popular");
        assertEquals(List.of(), problems);
        assertEquals(30, p.getSlateSize());
        assertEquals("popular", p.getRecommender());
        assertEquals(List.of("slate.size=30", "slate.match=26", "recommender.name=popular"), p.loaded().overrides());

        p.setOverrides("nonsense");
        assertEquals(1, problems.size());
        assertEquals(30, p.getSlateSize());
        assertFalse(p.set("rounds", "0"));
        assertEquals(5, p.getRounds());
    }
}
