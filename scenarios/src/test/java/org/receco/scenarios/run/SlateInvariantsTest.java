package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.Components;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.ScenarioLoader;

/**
 * Recommender contracts checked on what a real run actually showed (every impression recorded): slates have
 * the configured length, no item twice in a slate, only items live that round, never an item the user had
 * already clicked; and SimuLine's channel shares hold.
 */
class SlateInvariantsTest {
    @TempDir
    Path out;

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every registered recommender, so one is covered the day it is registered. */
    static Stream<String> recommenders() {
        return Components.RECOMMENDERS.names().stream();
    }

    @ParameterizedTest
    @MethodSource("recommenders")
    void slatesObeyTheContracts(String recommender) throws Exception {
        var loaded = new ScenarioLoader().load(Path.of("news-ecosystem.yaml"), List.of("users.count=200",
                "authors.count=20", "rounds=10", "items.lifetime=3", "slate.size=20", "slate.match=12",
                "slate.coldStart=4", "slate.hot=2", "slate.promote=2", "slate.promoteAuthors=3",
                "recommender.name=" + recommender, "store.impressions=full", "events=[]"));
        RunResult r = Runner.run(loaded, new Runner.Options(out, 2, null));
        try (Connection c = RunDatabase.open(r.runDir())) {
            // H2 joins by nested loops: index the join key of the "clicked before" check. interactions is a view
            // (packed storage, Schema.PACKED), which takes no index, so the clicks are copied into a table first.
            c.createStatement().execute("CREATE LOCAL TEMPORARY TABLE clicked AS "
                    + "SELECT round, user_id, item FROM interactions");
            c.createStatement().execute("CREATE INDEX clicked_by_user ON clicked(user_id, item)");
            long users = 200, rounds = 10;
            assertEquals(users * rounds * 20, count(c, "SELECT COUNT(*) FROM impressions"), "full slates");
            assertEquals(0, count(c, """
                    SELECT COUNT(*) FROM (SELECT round, user_id, item FROM impressions
                    GROUP BY round, user_id, item HAVING COUNT(*) > 1)"""), "an item twice in one slate");
            assertEquals(0, count(c, """
                    SELECT COUNT(*) FROM impressions s JOIN items i ON i.id = s.item
                    WHERE i.created_round > s.round OR i.created_round <= s.round - 3"""), "an item not live");
            assertEquals(0, count(c, """
                    SELECT COUNT(*) FROM impressions s JOIN clicked x
                    ON x.user_id = s.user_id AND x.item = s.item AND x.round < s.round"""), "a clicked item shown again");
            assertEquals(0, count(c, """
                    SELECT COUNT(*) FROM impressions s JOIN items i ON i.id = s.item
                    WHERE s.channel = 2 AND i.created_round <> s.round"""), "cold-start items are new");
            // From round 1 on every channel can fill its share (round 0 has no likes for the hot channel).
            for (int ch = 0; ch < 4; ch++) {
                long share = new long[] {2, 12, 4, 2}[ch];
                long n = count(c, "SELECT COUNT(*) FROM impressions WHERE round >= 1 AND channel = " + ch);
                assertTrue(n >= users * (rounds - 1) * share, "channel " + ch + ": " + n);
            }
        }
    }
}
