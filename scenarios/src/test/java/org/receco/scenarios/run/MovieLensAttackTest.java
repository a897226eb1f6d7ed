package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.receco.agents.data.MovieLensCsv;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.data.MovieLensExport;

/**
 * The shilling check on real data: in a world initialised from MovieLens latest-small (Harper & Konstan 2015),
 * a 3 % bandwagon and a 3 % average attack (Lam & Riedl 2004) raise the targets' HR@10 among genuine users over
 * the paired run without the attack (same seed, same targets), under rating MF (Koren et al. 2009), over 5
 * seeds. Uses the data at the repository root if {@code ./receco data movielens}
 * wrote them, else exports them here when Debian's tools and Rscript are present (CI installs r-base-core);
 * otherwise skipped with a message.
 */
class MovieLensAttackTest {
    private static final Path FILE = Path.of("shilling/movielens-bandwagon.yaml");
    private static final int ROUNDS = 10;

    @TempDir
    static Path tmp;

    private static Path data;

    @BeforeAll
    static void findOrExportTheData() throws Exception {
        Path root = Path.of("..", "data", "movielens").toAbsolutePath().normalize();
        if (MovieLensExport.complete(root)) {
            data = root;
            return;
        }
        MovieLensExport export = MovieLensExport.fromEnvironment();
        if (export.find("apt-get") == null || export.find("dpkg") == null || export.find("Rscript") == null) {
            return;
        }
        try {
            export.export(tmp.resolve("movielens"), new PrintWriter(new StringWriter()));
            data = tmp.resolve("movielens");
        } catch (MovieLensExport.ExportException e) {
            System.out.println("MovieLensAttackTest: export failed: " + e.getMessage());
        }
    }

    /**
     * Under rating MF. Item-KNN is not asserted here: on MovieLens a 3 % attack over 5 rounds did not move it (seed
     * 1: HR@10 0.000 against 0.003), since 20 fake co-raters rarely bring an unpopular target into the 20-item
     * neighbourhoods of movies with hundreds of real co-ratings; the synthetic check in ShillingScenariosTest
     * covers item-KNN.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mf"})
    void bandwagonAndAverageRaiseTheTargetsHitRatioOnMovieLens(String victim) throws Exception {
        assumeTrue(data != null && MovieLensCsv.present(data), "skipped: no MovieLens data (./receco data movielens, "
                + "or apt-get, dpkg and Rscript to export them)");
        Path file = Files.writeString(tmp.resolve("ml-" + victim + ".yaml"), Files.readString(FILE)
                .replace("name: mf ", "name: " + victim + " ").replaceAll("(?m)^    factors: 16\n", "")
                .replace("  params:\n\nstore", "  params: {}\n\nstore"));
        double liftBandwagon = 0;
        double liftAverage = 0;
        for (int seed = 1; seed <= 5; seed++) {
            Path bandwagonRun = run(file, victim, seed, "bandwagon");
            double b = hitRatio(bandwagonRun, bandwagonRun);
            double a = hitRatio(run(file, victim, seed, "average"), null);
            double none = hitRatio(run(file, victim, seed, null), bandwagonRun);
            System.out.printf("MovieLens %s seed %d: HR@10 rounds 4-9 bandwagon %.4f | average %.4f | none %.4f%n",
                    victim, seed, b, a, none);
            assertTrue(b > none, victim + " bandwagon, seed " + seed + ": " + b + " vs " + none);
            liftBandwagon += b - none;
            liftAverage += a - none;
        }
        System.out.printf("MovieLens %s lift over 5 seeds: bandwagon %.4f, average %.4f%n", victim,
                liftBandwagon / 5, liftAverage / 5);
        // Margin: at least half a point of HR@10 on average; unattacked, unpopular targets have an HR near 0.
        assertTrue(liftBandwagon / 5 >= 0.005, victim + ": bandwagon lift " + liftBandwagon / 5);
        assertTrue(liftAverage / 5 >= 0.005, victim + ": average lift " + liftAverage / 5);
    }

    /** Plays one run: an attack by {@code strategy} in rounds 3-7, or none. */
    private static Path run(Path file, String victim, int seed, String strategy) {
        List<String> sets = new ArrayList<>(List.of("world.ratings=" + data, "rounds=" + ROUNDS, "seed=" + seed,
                "events.0.round=3", "events.0.end=8", "store.impressions=full", "threads=0"));
        sets.add(strategy == null ? "events.0.share=0" : "events.0.strategy=" + strategy);
        RunResult r = Runner.run(new ScenarioLoader().load(file, sets),
                new Runner.Options(tmp.resolve(victim + seed + (strategy == null ? "none" : strategy)), 0, null));
        assertTrue(r.completed());
        return r.runDir();
    }

    /**
     * Mean target HR@10 over rounds 4-9 of {@code runDir}, for the targets of the attack run {@code targetsOf}
     * (the run itself when null): the paired no-attack run is scored with the attack's targets.
     */
    private static double hitRatio(Path runDir, Path targetsOf) throws Exception {
        return ShillingScenariosTest.mean(ShillingScenariosTest.offline(runDir, targetsOf == null ? runDir
                : targetsOf)[0], 4, ROUNDS);
    }
}
