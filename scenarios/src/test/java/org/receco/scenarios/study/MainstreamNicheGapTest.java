package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.MainstreamNicheGap;
import org.receco.scenarios.ComponentCatalog;

/**
 * {@link MainstreamNicheGap} in the Chaney world it was built for (it needs a world with true utilities, so it is
 * tested through a small study): accuracy against the truth is exactly 1 under {@code ideal} and below 1 for a
 * recommender that ignores the users, in both groups, every round.
 */
class MainstreamNicheGapTest {
    private static final int ROUNDS = 16;
    private static StudyResult result;

    @BeforeAll
    static void run(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("groups.yaml");
        Files.writeString(file, String.join("\n",
                "scenario: " + Path.of("feedback-loop", "chaney-world.yaml").toAbsolutePath(),
                "set: {rounds: " + ROUNDS + ", users.count: 60, recommender.startup: 4, recommender.trainFrom: 3}",
                "arms:",
                "  ideal: {recommender.name: ideal}",
                "  random: {recommender.name: random}",
                "replicates: 2",
                "seed: 11",
                "metrics: [ndcg.niche, ndcg.mainstream, precision.niche, precision.mainstream]",
                "options: {nicheShare: 0.3}",
                ""));
        result = StudyRunner.run(StudyDefinition.read(file), ComponentCatalog.standard(), 2, null, null);
    }

    @Test
    void idealIsExactlyAccurateInBothGroupsAfterStartUp() {
        for (String m : new String[] {MainstreamNicheGap.NDCG_NICHE, MainstreamNicheGap.NDCG_MAINSTREAM,
                MainstreamNicheGap.PRECISION_NICHE, MainstreamNicheGap.PRECISION_MAINSTREAM}) {
            for (int rep = 0; rep < 2; rep++) {
                for (int t = 4; t < ROUNDS; t++) {
                    assertEquals(1.0, result.value(m, "ideal", rep, t), 1e-9, m + " replicate " + rep + " round " + t);
                }
            }
        }
    }

    @Test
    void randomSlatesAreLessAccurateButNdcgCreditsTheirUtility() {
        for (String group : new String[] {"niche", "mainstream"}) {
            for (int rep = 0; rep < 2; rep++) {
                for (int t = 4; t < ROUNDS; t++) {
                    double ndcg = result.value("ndcg." + group, "random", rep, t);
                    double precision = result.value("precision." + group, "random", rep, t);
                    // Random items are seldom the true top 10 but always carry some (positive) utility.
                    assertTrue(ndcg > 0 && ndcg < 1, group + " NDCG " + ndcg);
                    assertTrue(precision < 1, group + " precision " + precision);
                }
            }
        }
    }
}
