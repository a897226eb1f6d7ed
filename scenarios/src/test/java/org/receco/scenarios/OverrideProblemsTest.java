package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverrideProblemsTest {
    private static final Origin ARM_LINE = Origin.at("study.yaml", 7, 12);

    @Test
    void anOverrideProblemMovesToWhereTheOverrideWasWrittenNamingTheAssignment() {
        Problem p = new Problem(Origin.override("recommender.name=nosuch"), "recommender.name",
                "unknown recommender 'nosuch'", "random, popular");
        Problem moved = OverrideProblems.relocate(p, Map.of("recommender.name=nosuch", ARM_LINE));
        assertEquals("study.yaml:7:12: key path 'recommender.name': unknown recommender 'nosuch' "
                + "(recommender.name=nosuch); allowed: random, popular", moved.toString());
    }

    @Test
    void otherProblemsAndOverridesTypedOnTheCommandLineStayPut() {
        Problem inFile = new Problem(Origin.at("world.yaml", 3, 1), "rounds", "expected an integer", null);
        assertSame(inFile, OverrideProblems.relocate(inFile, Map.of("rounds=x", ARM_LINE)));
        Problem typed = new Problem(Origin.override("rounds=x"), "rounds", "expected an integer", null);
        assertSame(typed, OverrideProblems.relocate(typed, Map.of("rounds=x", Origin.override("rounds=x"))));
        assertSame(typed, OverrideProblems.relocate(typed, Map.of("rounds=y", ARM_LINE)));
    }

    @Test
    void repeatedProblemsAreKeptOnceAndTheFileComesFirstByLine() {
        OverrideProblems problems = new OverrideProblems();
        Problem base = new Problem(Origin.at("world.yaml", 2, 1), "x", "unknown key 'x'", null);
        Problem bad = new Problem(Origin.override("users.count=-5"), "users.count", "-5 is out of range", null);
        Problem late = new Problem(Origin.at("study.yaml", 9, 3), "", "something", null);
        Map<String, Origin> written = Map.of("users.count=-5", Origin.at("study.yaml", 4, 16));
        problems.add(List.of(base, bad), written);
        problems.add(List.of(late, base, bad), written);
        ScenarioException e = assertThrows(ScenarioException.class, () -> problems.throwIfAny("study.yaml"));
        assertEquals(List.of("study.yaml:4:16: key path 'users.count': -5 is out of range (users.count=-5)",
                "study.yaml:9:3: something", "world.yaml:2:1: key path 'x': unknown key 'x'"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void nothingAddedThrowsNothing() {
        OverrideProblems problems = new OverrideProblems();
        problems.add(List.of(), Map.of());
        assertTrue(problems.isEmpty());
        problems.throwIfAny("study.yaml");
    }

    @Test
    void onlyOverrideOriginsHaveAnAssignment() {
        assertEquals("a.b=1", Origin.override("a.b=1").assignment());
        assertEquals(null, Origin.at("--set a.b=1", 1, 1).assignment());
        assertEquals(null, Origin.of("built-in defaults.yaml").assignment());
    }
}
