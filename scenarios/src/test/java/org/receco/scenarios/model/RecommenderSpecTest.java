package org.receco.scenarios.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.Fixtures;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;

/** A recommender's user limit is checked at validation, at the recommender's name. */
class RecommenderSpecTest {
    @TempDir
    Path dir;

    @Test
    void socialBeyondItsUserLimitIsRefusedAtItsName() {
        Path file = Fixtures.write(dir, "s.yaml", """
                users: {count: 20001}
                recommender:
                  name: social
                """);
        List<Problem> ps = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(file)).problems();
        assertEquals(1, ps.size(), ps.toString());
        Problem p = ps.get(0);
        assertEquals("recommender.name", p.path());
        assertEquals(3, p.origin().line());
        assertTrue(p.toString().contains("serves at most 20,000 users; this scenario starts with 20,001"),
                p.toString());
    }

    @Test
    void socialAtItsLimitAndOthersBeyondItPass() {
        ScenarioLoader loader = new ScenarioLoader();
        assertEquals(20000, loader.load(Fixtures.write(dir, "a.yaml", "users: {count: 20000}\nrecommender: "
                + "{name: social}\n")).scenario().users().totalCount());
        assertEquals("popular", loader.load(Fixtures.write(dir, "b.yaml", "users: {count: 20001}\nrecommender: "
                + "{name: popular}\n")).scenario().recommender().name());
    }
}
