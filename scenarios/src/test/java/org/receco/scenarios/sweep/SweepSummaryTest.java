package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.receco.scenarios.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Shards (the summary's interval is MeanInterval's, tested in analysis), and the page header of a tiny real sweep shortened with {@code --set}. */
class SweepSummaryTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void theHeaderListsEveryOverrideAndTheRounds() throws Exception {
        Path out = dir.resolve("out");
        Path file = SweepFixtures.sweep(dir.resolve("src"), "short", """
                name: short
                scenario: tiny.yaml
                set: {users.count: 30}
                parameters:
                  recommender.name: [random, popular]
                replicates: 1
                seed: 3
                metrics: [gini.exposure.item]
                output: OUT
                """, out);
        SweepPlan plan = SweepPlan.of(SweepFile.read(file, List.of("rounds=2", "events.0.round=1", "store.impressions=off")),
                new ScenarioLoader());
        SweepFixtures.run(plan, 1);
        try (SweepIndex index = SweepIndex.open(out)) {
            SweepSummary.write(plan, index);
        }
        String html = Files.readString(out.resolve(SweepSummary.HTML));
        assertTrue(html.contains("<b>Rounds per run:</b> 2."), html);
        assertTrue(html.contains("<code>rounds=2</code> <small>(--set on the command line)</small>"), html);
        assertTrue(html.contains("<code>store.impressions=off</code> <small>(--set on the command line)</small>"));
        assertTrue(html.contains("<code>users.count=30</code> <small>(" + file), "the file's own set: " + html);
    }

    @Test
    void shardsPartitionTheRuns() {
        Shard s = Shard.parse("1/3");
        assertEquals(new Shard(1, 3), s);
        assertTrue(s.owns(4) && !s.owns(3));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
