package org.receco.scenarios.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.analysis.stats.MeanInterval;
import org.receco.scenarios.ComponentCatalog;

/**
 * The published feedback-loop findings, reproduced on the bundled study files with fewer replicates and rounds
 * than docs/studies.md reports (so each test stays well under a minute on two cores). Each assertion is on a
 * 95 % confidence interval over paired replicates, so each can fail.
 */
class FeedbackLoopFindingsTest {
    private static final int THREADS = 2;

    static Path studyFile(String name) {
        Path p = Path.of("feedback-loop", name);
        if (!Files.exists(p)) {
            p = Path.of("..", "scenarios", "feedback-loop", name);
        }
        return p;
    }

    /** The study in {@code file} restricted to {@code arms}, with extra overrides. */
    static StudyDefinition study(String file, int replicates, List<String> arms, String... sets) {
        StudyDefinition d = StudyDefinition.read(studyFile(file)).withSet(List.of(sets));
        Map<String, List<StudyDefinition.Setting>> kept = new LinkedHashMap<>();
        for (String a : arms) {
            kept.put(a, d.arms().get(a));
        }
        return new StudyDefinition(d.name(), d.description(), d.file(), d.scenarioFile(), d.scenarioText(), d.inline(),
                d.set(), kept, d.baseline(), replicates, d.seed(), d.metrics(), d.options());
    }

    static StudyResult run(StudyDefinition d) {
        return StudyRunner.run(d, ComponentCatalog.standard(), THREADS, null, null);
    }

    @Test
    void repeatedTrainingHomogenisesAboveIdealAndCostsUtility() {
        StudyResult r = run(study("chaney-repeated.yaml", 8,
                List.of("ideal", "popular", "mf", "social", "content", "random"), "rounds=60"));
        int from = 50, to = 60;
        // Chaney et al.'s measure: users paired as each recommender sees them, relative to the same pairs under
        // ideal. Content filtering homogenises above ideal on it too.
        for (String arm : List.of("popular", "mf", "social", "content")) {
            MeanInterval h = r.relative("homogenisation.similar", arm, "ideal", from, to);
            assertTrue(h.above(0), arm + " homogenisation of similar users relative to ideal: " + h);
        }
        // With pairs fixed by true preference, content filtering sits below ideal (docs/studies.md).
        for (String arm : List.of("popular", "mf", "social")) {
            MeanInterval h = r.relative("homogenisation.nn", arm, "ideal", from, to);
            assertTrue(h.above(0), arm + " homogenisation relative to ideal: " + h);
        }
        for (String arm : List.of("popular", "mf", "social", "content")) {
            MeanInterval u = r.relative("utility.per_click", arm, "ideal", from, to);
            assertTrue(u.below(0), arm + " utility relative to ideal: " + u);
        }
        MeanInterval random = r.relative("homogenisation.nn", "random", "ideal", from, to);
        assertTrue(random.below(0), "random homogenisation relative to ideal: " + random);
    }

    @Test
    void popularityBiasAmplifiesAndNicheUsersLoseMore() {
        StudyResult r = run(study("mansoury.yaml", 6, List.of("ideal", "popular", "mf", "random"), "rounds=50"));
        for (String arm : List.of("popular", "mf")) {
            MeanInterval early = r.mean("popularity.slate_live_ratio", arm, 10, 15);
            MeanInterval late = r.mean("popularity.slate_live_ratio", arm, 45, 50);
            MeanInterval ideal = r.mean("popularity.slate_live_ratio", "ideal", 45, 50);
            assertTrue(late.mean() > early.mean() && late.low() > ideal.high(),
                    arm + " popularity lift early " + early + ", late " + late + ", ideal " + ideal);
            // Niche users lose more utility relative to ideal than mainstream users (paired by seed).
            MeanInterval gap = r.gap("utility.niche", "utility.mainstream", arm, "ideal", 30, 50);
            assertTrue(gap.below(0), arm + " (niche - ideal) - (mainstream - ideal) utility: " + gap);
            // Accuracy against the truth: niche users' NDCG as a share of mainstream users' is lower under the
            // feedback loop than under random slates (paired by replicate; 95 % t interval over 6 replicates).
            double[] diff = new double[6];
            for (int rep = 0; rep < 6; rep++) {
                diff[rep] = ndcgRatio(r, arm, rep, 20, 50) - ndcgRatio(r, "random", rep, 20, 50);
            }
            double mean = java.util.Arrays.stream(diff).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(diff).map(x -> (x - mean) * (x - mean)).sum() / 5);
            assertTrue(mean + 2.571 * sd / Math.sqrt(6) < 0, arm + " niche/mainstream NDCG ratio minus random's: "
                    + mean + " ± " + 2.571 * sd / Math.sqrt(6));
        }
    }

    /** Mean niche NDCG over mean mainstream NDCG of one replicate over rounds [from, to). */
    private static double ndcgRatio(StudyResult r, String arm, int rep, int from, int to) {
        double niche = 0;
        double mainstream = 0;
        for (int t = from; t < to; t++) {
            niche += r.value("ndcg.niche", arm, rep, t);
            mainstream += r.value("ndcg.mainstream", arm, rep, t);
        }
        return niche / mainstream;
    }

    @Test
    void interleavingRandomItemsShrinksTheHomogenisationGap() {
        StudyResult r = run(study("chaney-mitigation.yaml", 8, List.of("ideal", "popular", "popular+interleave3"),
                "rounds=60"));
        MeanInterval plain = r.relative("homogenisation.nn", "popular", "ideal", 50, 60);
        MeanInterval mitigated = r.relative("homogenisation.nn", "popular+interleave3", "ideal", 50, 60);
        MeanInterval change = r.relative("homogenisation.nn", "popular+interleave3", "popular", 50, 60);
        assertTrue(plain.above(0), "popular gap " + plain);
        assertTrue(change.below(0) && mitigated.mean() < plain.mean(),
                "interleaving changes the gap by " + change + ": " + mitigated + " vs " + plain);
    }
}
