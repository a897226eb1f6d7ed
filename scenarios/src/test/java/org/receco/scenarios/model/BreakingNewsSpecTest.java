package org.receco.scenarios.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.Fixtures;
import org.receco.scenarios.Problem;
import org.receco.scenarios.ScenarioLoader;

/** A breaking-news event is checked against the space and the authors when the scenario is loaded. */
class BreakingNewsSpecTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String yaml) {
        return Fixtures.problems(dir, yaml);
    }

    @Test
    void aTopicOutsideTheSpaceIsReportedAtTheTopic() {
        List<Problem> ps = problems("""
                rounds: 10
                space: {topics: 10}
                events:
                  - type: breaking-news
                    round: 3
                    topic: 50
                """);
        assertEquals(1, ps.size(), ps.toString());
        Problem p = ps.get(0);
        assertEquals(6, p.origin().line());
        assertEquals(12, p.origin().column());
        assertEquals("events.0.topic", p.path());
        assertTrue(p.toString().contains("topic 50 does not exist") && p.toString().contains("allowed: 0 to 9"),
                p.toString());
    }

    @Test
    void anUnknownAuthorIdIsReportedAtItsEntry() {
        List<Problem> ps = problems("""
                rounds: 10
                authors: {count: 10}
                events:
                  - {type: breaking-news, round: 3, topic: 1, authorIds: [2, 99999]}
                """);
        assertEquals(1, ps.size(), ps.toString());
        assertEquals("events.0.authorIds.1", ps.get(0).path());
        assertEquals(4, ps.get(0).origin().line());
        assertEquals(62, ps.get(0).origin().column());
        assertTrue(ps.get(0).toString().contains("author id 99999 does not exist"), ps.get(0).toString());
    }

    @Test
    void withoutAuthorsTheEventIsRefused() {
        List<Problem> ps = problems("""
                rounds: 10
                authors: {count: 0}
                events: [{type: breaking-news, round: 3, topic: 1}]
                """);
        assertEquals(List.of("events.0"), ps.stream().map(Problem::path).toList());
    }

    @Test
    void aFittingEventLoads() {
        Path file = Fixtures.write(dir, "s.yaml", """
                rounds: 10
                space: {topics: 10}
                authors: {count: 10}
                events: [{type: breaking-news, round: 3, topic: 9, authorIds: [0, 9]}]
                """);
        assertEquals(9, ((BreakingNewsSpec) new ScenarioLoader(Fixtures.CATALOG).load(file).scenario().events().get(0)).topic());
    }
}
