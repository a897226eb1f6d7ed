package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.analysis.metrics.OfflineMetrics;
import org.receco.analysis.metrics.TargetExposureShare;
import org.receco.analysis.metrics.TargetHitRatio;
import org.receco.analysis.stats.MeanInterval;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.model.AttackSpec;
import org.receco.scenarios.sweep.SweepFile;
import org.receco.scenarios.sweep.SweepPlan;

/**
 * The bundled shilling scenarios run; an attack without accounts leaves the database as it was; fake accounts
 * stay out of the genuine counters; and over 5 seeds bandwagon and average attacks at 3 % raise the targets'
 * HR@10 among genuine users over the paired run without the attack (the same seed and the same targets), random
 * less than bandwagon. Small worlds (120 users, 26 rounds) keep each run about a second.
 */
class ShillingScenariosTest {
    private static final Path DIR = Path.of("shilling");
    private static final List<String> SMALL = List.of("users.count=120", "rounds=26", "events.0.round=8",
            "events.0.end=16", "store.impressions=full");

    @TempDir
    Path out;

    static List<Path> bundled() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith("-sweep.yaml")
                    && hasAttack(p)).sorted().toList();
        }
    }

    /**
     * Whether a bundled file stages an attack in the synthetic world (movielens-world.yaml is the world alone;
     * movielens-bandwagon.yaml needs the data, and MovieLensAttackTest runs it).
     */
    private static boolean hasAttack(Path p) {
        try {
            String text = Files.readString(p);
            return text.contains("type: attack") && !text.contains("\nworld:");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RunResult run(Path file, String dir, List<String> sets) {
        LoadedScenario s = new ScenarioLoader().load(file, sets);
        return Runner.run(s, new Runner.Options(out.resolve(dir), 1, null));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void everyBundledAttackRunsAndReportsItsTargets() throws Exception {
        List<Path> files = bundled();
        assertTrue(files.size() >= 3, "bundled: " + files);
        for (Path f : files) {
            RunResult r = run(f, f.getFileName().toString(), with(SMALL, "users.count=150", "rounds=14",
                    "events.0.round=5", "events.0.end=9", "store.impressions=off"));
            assertTrue(r.completed(), f.toString());
            List<org.receco.analysis.shilling.AttackRuns.Attack> lines = AttackSummary.read(r.runDir());
            assertEquals(1, lines.size(), f.toString());
            assertEquals(5, lines.get(0).accounts(), f + ": 3 % of 150 genuine users");
            assertFalse(Double.isNaN(lines.get(0).during()), f.toString());
            try (Connection c = RunDatabase.open(r.runDir()); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM users WHERE fake");
                rs.next();
                assertEquals(5, rs.getInt(1));
                // the kernel's click counter is the genuine users' clicks: 2 each per round
                rs = st.executeQuery("SELECT MIN(value), MAX(value) FROM metrics WHERE name = 'clicks'");
                rs.next();
                assertEquals(300.0, rs.getDouble(1), f.toString());
                assertEquals(300.0, rs.getDouble(2), f.toString());
            }
        }
    }

    @Test
    void theBudgetSweepPlansEveryStrategyAtEveryShareWithPairedSeedsAndOneRunOfItCompletes() {
        SweepPlan p = SweepPlan.of(SweepFile.read(DIR.resolve("budget-sweep.yaml"), List.of()), new ScenarioLoader());
        assertEquals(20, p.points().size());
        assertEquals(100, p.runs().size());
        for (SweepPlan.PlannedRun r : p.runs()) {
            var sc = p.load(r).scenario();
            assertEquals(r.point().value("events.0.share"), String.valueOf(((AttackSpec) sc.events().get(0)).share()));
            assertEquals(p.runs().get(r.replicate()).seed(), r.seed(), "replicate " + r.replicate() + " is paired");
        }
        SweepPlan.PlannedRun last = p.runs().get(p.runs().size() - 1);
        RunResult r = Runner.run(new ScenarioLoader().load(DIR.resolve("bandwagon.yaml"), List.of("users.count=100",
                "rounds=10", "events.0.round=3", "events.0.end=6", "events.0.strategy="
                        + last.point().value("events.0.strategy"), "events.0.share=" + last.point().value(
                        "events.0.share"))), new Runner.Options(out.resolve("sweep-point"), 1, null));
        assertTrue(r.completed());
        assertFalse(Double.isNaN(r.metric("attack.target.hr")));
    }

    @Test
    void anAttackWithoutAccountsLeavesTheDatabaseAsWithoutTheAttack() throws Exception {
        List<String> small = List.of("users.count=60", "rounds=12", "events.0.round=4", "events.0.end=8");
        RunResult zero = run(DIR.resolve("bandwagon.yaml"), "zero", with(small, "events.0.share=0"));
        RunResult three = run(DIR.resolve("bandwagon.yaml"), "three", with(small, "events.0.share=0.05"));
        Path none = Files.writeString(out.resolve("none.yaml"), Files.readString(DIR.resolve("bandwagon.yaml"))
                .replaceAll("(?s)\nevents:.*", "\n"));
        RunResult without = run(none, "none", List.of("users.count=60", "rounds=12"));
        String a = digestWithoutManifest(zero.runDir());
        assertEquals(a, digestWithoutManifest(without.runDir()));
        assertFalse(a.equals(digestWithoutManifest(three.runDir())), "a real attack changes the database");
    }

    /** The digest of every table but the manifest (which holds the scenario text, and so differs by design). */
    private static String digestWithoutManifest(Path runDir) throws Exception {
        try (Connection c = RunDatabase.open(runDir); Statement st = c.createStatement()) {
            st.execute("DELETE FROM run_manifest");
            c.commit();
            return RunDatabase.digest(c);
        }
    }

    /** Per seed: the attack run's mean target HR@10 over rounds 9-25 and the paired no-attack run's. */
    private Map<Integer, double[]> paired(String strategy, double[] exposureAfter) throws Exception {
        return paired(strategy, exposureAfter, null);
    }

    /** As {@link #paired(String, double[])}, with {@code extra} overrides (another victim) on both runs. */
    private Map<Integer, double[]> paired(String strategy, double[] exposureAfter, String victim)
            throws Exception {
        Map<Integer, double[]> result = new TreeMap<>();
        Path file = DIR.resolve("bandwagon.yaml");
        if (victim != null) {
            // The victim with its own defaults: BPR's params do not apply to it.
            file = Files.writeString(out.resolve("bandwagon-" + victim + ".yaml"), Files.readString(file)
                    .replace("name: bpr", "name: " + victim).replace("params: {positives: likes}", "params: {}"));
        }
        String tag = victim == null ? "" : victim;
        for (int seed = 1; seed <= 5; seed++) {
            RunResult attack = run(file, strategy + tag + seed,
                    with(SMALL, "seed=" + seed, "events.0.strategy=" + strategy));
            RunResult none = run(file, strategy + tag + seed + "-none",
                    with(SMALL, "seed=" + seed, "events.0.share=0"));
            double[][] a = offline(attack.runDir(), attack.runDir());
            double[][] b = offline(none.runDir(), attack.runDir());
            result.put(seed, new double[] {mean(a[0], 9, 26), mean(b[0], 9, 26)});
            if (exposureAfter != null) {
                exposureAfter[seed - 1] = mean(a[1], 16, 26) - mean(b[1], 16, 26);
            }
        }
        return result;
    }

    /**
     * attack.target.hr and attack.target.exposure per round, recomputed from {@code runDir}'s database with the
     * targets of the attack in {@code attackRun} (copied into it when it is the paired run without the attack).
     */
    static double[][] offline(Path runDir, Path attackRun) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = RunDatabase.open(attackRun); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT round, attack, population, strategy, start_round, end_round, "
                     + "push, item_id FROM attack_targets")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + ", '" + rs.getString(2) + "', " + rs.getInt(3) + ", '" + rs.getString(4)
                        + "', " + rs.getInt(5) + ", " + rs.getInt(6) + ", " + rs.getBoolean(7) + ", " + rs.getInt(8));
            }
        }
        double[][] v = new double[2][64];
        java.util.Arrays.fill(v[0], Double.NaN);
        java.util.Arrays.fill(v[1], Double.NaN);
        try (Connection c = RunDatabase.open(runDir); Statement st = c.createStatement()) {
            if (!runDir.equals(attackRun)) {
                st.execute("CREATE TABLE attack_targets (round INTEGER, attack VARCHAR, population INTEGER, "
                        + "strategy VARCHAR, start_round INTEGER, end_round INTEGER, push BOOLEAN, item_id INTEGER)");
                for (String r : rows) {
                    st.execute("INSERT INTO attack_targets VALUES (" + r + ")");
                }
                c.commit();
            }
            OfflineMetrics.compute(c, List.of(new TargetHitRatio(10), new TargetExposureShare()),
                    (round, name, value) -> v[name.equals("attack.target.hr") ? 0 : 1][round] = value);
        }
        return v;
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        int n = 0;
        for (int r = from; r < to; r++) {
            if (!Double.isNaN(v[r])) {
                s += v[r];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    @Test
    void bandwagonAndAverageRaiseTheTargetsHitRatioRandomLessThanBandwagon() throws Exception {
        double[] exposureAfter = new double[5];
        Map<Integer, double[]> bandwagon = paired("bandwagon", exposureAfter);
        Map<Integer, double[]> average = paired("average", null);
        Map<Integer, double[]> random = paired("random", null);
        double lift = 0;
        double liftAverage = 0;
        double liftRandom = 0;
        for (int seed = 1; seed <= 5; seed++) {
            double[] b = bandwagon.get(seed);
            double[] a = average.get(seed);
            double[] r = random.get(seed);
            System.out.printf("seed %d: HR@10 rounds 9-25 bandwagon %.4f vs %.4f | average %.4f vs %.4f | "
                    + "random %.4f vs %.4f%n", seed, b[0], b[1], a[0], a[1], r[0], r[1]);
            // Every seed: the attack run above its pair.
            assertTrue(b[0] > b[1], "bandwagon, seed " + seed + ": " + b[0] + " vs " + b[1]);
            assertTrue(a[0] > a[1], "average, seed " + seed + ": " + a[0] + " vs " + a[1]);
            lift += b[0] - b[1];
            liftAverage += a[0] - a[1];
            liftRandom += r[0] - r[1];
        }
        // The margin: a mean lift of at least 0.03 (3 points of HR@10) over the 5 seeds; the no-attack HR of
        // unpopular targets is about 0.01, so that is a four-fold rise at the least.
        assertTrue(lift / 5 >= 0.03, "bandwagon lifts HR@10 by " + lift / 5 + " on average");
        assertTrue(liftAverage / 5 >= 0.03, "average lifts HR@10 by " + liftAverage / 5 + " on average");
        assertTrue(liftRandom < lift, "random lifts " + liftRandom / 5 + " on average, bandwagon " + lift / 5);
        MeanInterval ci = MeanInterval.of(exposureAfter);
        System.out.printf("lift of HR@10 over 5 seeds: bandwagon %.4f, average %.4f, random %.4f%n", lift / 5,
                liftAverage / 5, liftRandom / 5);
        System.out.printf("target exposure among genuine users, rounds 16-25 (10 rounds after a 3 %% bandwagon "
                + "attack), minus the paired no-attack run: mean %.4f, 95 %% CI [%.4f, %.4f] over 5 seeds%n",
                ci.mean(), ci.low(), ci.high());
    }

    /**
     * The same paired check against the rating victims: MF on ratings (Koren et al. 2009) and item-KNN (Sarwar et
     * al. 2001), both retrained every round as the bundled files do.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mf", "item-knn"})
    void bandwagonAndAverageAlsoRaiseTheTargetsHitRatioUnderRatingVictims(String victim) throws Exception {
        Map<Integer, double[]> bandwagon = paired("bandwagon", null, victim);
        Map<Integer, double[]> average = paired("average", null, victim);
        Map<Integer, double[]> random = paired("random", null, victim);
        double lift = 0;
        double liftAverage = 0;
        double liftRandom = 0;
        for (int seed = 1; seed <= 5; seed++) {
            double[] b = bandwagon.get(seed);
            double[] a = average.get(seed);
            double[] r = random.get(seed);
            System.out.printf("%s seed %d: HR@10 bandwagon %.4f vs %.4f | average %.4f vs %.4f | random %.4f vs %.4f%n",
                    victim, seed, b[0], b[1], a[0], a[1], r[0], r[1]);
            assertTrue(b[0] > b[1], victim + ", bandwagon, seed " + seed + ": " + b[0] + " vs " + b[1]);
            lift += b[0] - b[1];
            liftAverage += a[0] - a[1];
            liftRandom += r[0] - r[1];
        }
        System.out.printf("%s lift over 5 seeds: bandwagon %.4f, average %.4f, random %.4f%n", victim, lift / 5,
                liftAverage / 5, liftRandom / 5);
        // Margins: bandwagon at least 3 points of HR@10 on average (the unattacked HR is 0.01-0.06), average at
        // least 1 point (item-KNN's neighbourhoods are barely moved by filler rated at item means: on one seed of
        // five it falls below its pair, so no per-seed claim for it), random below bandwagon.
        assertTrue(lift / 5 >= 0.03, victim + ": bandwagon lifts HR@10 by " + lift / 5);
        assertTrue(liftAverage / 5 >= 0.01, victim + ": average lifts HR@10 by " + liftAverage / 5);
        assertTrue(liftRandom < lift, victim + ": random lifts " + liftRandom / 5 + ", bandwagon " + lift / 5);
    }

    /**
     * The classic profile detector (PCA-VarSelect, Mehta & Nejdl 2009) tells random attackers from genuine users
     * better than Agent4SR-style ones (Gu et al. 2025), whose ratings follow a persona around public item means.
     */
    @Test
    void theClassicDetectorFindsRandomAttackersMoreEasilyThanAgent4srOnes() throws Exception {
        double random = 0;
        double agent = 0;
        for (int seed = 1; seed <= 5; seed++) {
            RunResult r = run(DIR.resolve("bandwagon.yaml"), "det-random" + seed,
                    with(SMALL, "seed=" + seed, "users.count=400", "events.0.strategy=random"));
            RunResult a = run(DIR.resolve("bandwagon.yaml"), "det-agent" + seed,
                    with(SMALL, "seed=" + seed, "users.count=400", "events.0.strategy=agent4sr"));
            var sr = AttackSummary.stealth(r.runDir());
            var sa = AttackSummary.stealth(a.runDir());
            System.out.printf("DET seed %d pca %.3f vs %.3f kmeans %.3f vs %.3f%n", seed,
                    sr.detector("pca-varselect").f1(), sa.detector("pca-varselect").f1(),
                    sr.detector("profile-kmeans").f1(), sa.detector("profile-kmeans").f1());
            random += sr.detector("pca-varselect").f1();
            agent += sa.detector("pca-varselect").f1();
        }
        System.out.printf("pca-varselect F1 over 5 seeds: random %.3f, agent4sr %.3f%n", random / 5, agent / 5);
        // 12 fake accounts among 400 users: one account is 0.08 of F1, so single seeds swing from 0 to 1; the
        // claim is on the 5-seed mean, as Gu et al. make it on averages.
        assertTrue(random > agent, "PCA-VarSelect F1: random " + random / 5 + ", agent4sr " + agent / 5);
    }

    /** The report shows each attack's effect beside each detector's F1, and marks the window's end on the charts. */
    @Test
    void theReportSetsEffectAgainstStealth() throws Exception {
        RunResult r = run(DIR.resolve("bandwagon.yaml"), "report", with(SMALL, "events.0.strategy=random"));
        Path page = org.receco.analysis.report.ReportWriter.write(r.runDir(), List.of());
        String html = Files.readString(page);
        assertTrue(html.contains("Attacks: effect against stealth"), html);
        String row = html.substring(html.indexOf("Attacks: effect against stealth"));
        assertTrue(row.contains("<td>bandwagon</td><td>random</td><td>8-15</td><td>4</td>"), row);
        assertTrue(row.contains("<th>F1 pca-varselect</th>") && row.contains("<th>F1 review-text</th>"), row);
    }
}
