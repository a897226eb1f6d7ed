package org.receco.scenarios.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.receco.scenarios.ScenarioLoader;

/** Tiny scenarios and sweeps (runs of a fraction of a second) for the sweep tests. */
final class SweepFixtures {
    /** 40 users, 5 authors, 4 rounds; a breaking-news event at round 3 (its authors are what a sweep varies). */
    static final String TINY = """
            name: tiny
            seed: 5
            rounds: 4
            users: {count: 40}
            authors: {count: 5}
            slate: {size: 10, match: 8, coldStart: 2}
            metrics: {homogenisationPairs: 20}
            store: {impressions: off, snapshotEvery: 0}
            events:
              - {type: breaking-news, round: 3, topic: 1, items: 5}
            """;

    private SweepFixtures() {
    }

    /** Writes {@code tiny.yaml} and the sweep {@code name}.yaml (its text with {@code OUT} replaced) in {@code dir}. */
    static Path sweep(Path dir, String name, String text, Path out) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tiny.yaml"), TINY);
            return Files.writeString(dir.resolve(name + ".yaml"), text.replace("OUT", out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2 x 3 grid x 3 replicates sweep of the tiny scenario. */
    static String grid(int rounds) {
        return """
                name: grid
                scenario: tiny.yaml
                set: {rounds: %d}
                parameters:
                  recommender.name: [random, popular]
                  users.params.interestStep: [0.05, 0.1, 0.2]
                replicates: 3
                seed: 11
                metrics: [gini.exposure.item, homogenisation.click]
                output: OUT
                digest: true
                """.formatted(rounds);
    }

    static SweepPlan plan(Path sweepFile) {
        return SweepPlan.of(SweepFile.read(sweepFile, java.util.List.of()), new ScenarioLoader());
    }

    /** The plan of {@code sweepFile} writing into {@code out} instead of the file's output. */
    static SweepPlan plan(Path sweepFile, Path out) {
        return SweepPlan.of(SweepFile.read(sweepFile, java.util.List.of()).withOutput(out), new ScenarioLoader());
    }

    static SweepRunner.Report run(SweepPlan plan, int threads) {
        try {
            return new SweepRunner(plan).run(new SweepRunner.Options(threads, null, false, SweepProgress.NONE));
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String dump(Path out) {
        try (SweepIndex index = SweepIndex.open(out)) {
            return index.dump();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
