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

/** The metrics section is checked entry by entry against the catalogue and the space. */
class MetricsSpecTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String yaml) {
        return Fixtures.problems(dir, yaml);
    }

    @Test
    void groupTopicsOutsideTheSpaceAreReportedAtTheirEntries() {
        List<Problem> ps = problems("""
                space: {topics: 4}
                metrics:
                  authorGroupTopics: [0, 4]
                  userGroupTopics: [1, 1]
                """);
        assertEquals(List.of("metrics.authorGroupTopics.1", "metrics.userGroupTopics.1"),
                ps.stream().map(Problem::path).toList(), ps.toString());
        assertEquals(List.of(3, 4), ps.stream().map(p -> p.origin().line()).toList());
        assertTrue(ps.get(0).toString().contains("topic 4 does not exist"), ps.get(0).toString());
        assertTrue(ps.get(1).toString().contains("listed twice"), ps.get(1).toString());
    }

    @Test
    void anUnknownMetricNameIsReportedAtItsEntryWithDidYouMean() {
        List<Problem> ps = problems("""
                metrics:
                  names: [mse, gini.exposure.itme]
                """);
        assertEquals(1, ps.size(), ps.toString());
        Problem p = ps.get(0);
        assertEquals("metrics.names.1", p.path());
        assertEquals(2, p.origin().line());
        assertEquals(16, p.origin().column());
        assertTrue(p.toString().contains("did you mean 'gini.exposure.item'?"), p.toString());
    }

    @Test
    void aBaselineMetricIsRefusedForASingleRun() {
        List<Problem> ps = problems("metrics: {names: [homogenisation.similar]}\n");
        assertEquals("metrics.names.0", ps.get(0).path());
        assertTrue(ps.get(0).message().contains("study's baseline arm"), ps.get(0).toString());
    }
}
