package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.sweep.SweepPlan.PlannedRun;

/**
 * Sweeps end to end on the real model and H2: thread-count independence, resume after SIGKILL, failures
 * recorded, shards merged by collect. One reference sweep (2 threads) is shared by the tests.
 */
class SweepRunnerTest {
    @TempDir
    static Path dir;

    private static String reference;
    /** The grid sweep every comparison uses (the scenario's path is part of each run's database and digest). */
    private static Path gridFile;

    @BeforeAll
    static void referenceSweep() {
        Path out = dir.resolve("ref");
        gridFile = SweepFixtures.sweep(dir.resolve("src"), "grid", SweepFixtures.grid(4), out);
        SweepPlan plan = SweepFixtures.plan(gridFile);
        SweepRunner.Report r = SweepFixtures.run(plan, 2);
        assertEquals(new SweepRunner.Report(18, 18, 18, 0), r);
        reference = SweepFixtures.dump(out);
    }

    private Path src(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void indexIsIdenticalWithOneAndTwoThreads() throws Exception {
        Path out = dir.resolve("one");
        SweepPlan plan = SweepFixtures.plan(gridFile, out);
        assertEquals(new SweepRunner.Report(18, 18, 18, 0), SweepFixtures.run(plan, 1));
        String one = SweepFixtures.dump(out);
        assertEquals(reference, one);
        assertEquals(18, one.lines().filter(l -> l.contains("\tcompleted\t")).count());
        assertTrue(one.contains("# run_rounds"), "per-round metrics are part of the index");
        // the run databases themselves are identical too: their digests are in the index and compared above
        try (SweepIndex index = SweepIndex.open(out)) {
            for (SweepIndex.Row row : index.runs().values()) {
                assertEquals(RunDatabase.digest(out.resolve(row.runDir())), row.digest());
                assertEquals(4, row.roundsCompleted());
                assertTrue(row.wallSeconds() > 0);
            }
        }
    }

    @Test
    void rerunSkipsEverythingAndSummaryIsWritten() throws Exception {
        Path out = dir.resolve("ref");
        SweepPlan plan = SweepFixtures.plan(gridFile);
        assertEquals(new SweepRunner.Report(18, 0, 18, 0), SweepFixtures.run(plan, 2));
        try (SweepIndex index = SweepIndex.open(out)) {
            SweepSummary.write(plan, index);
        }
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV));
        assertEquals("point,recommender.name,users.params.interestStep,metric,replicates,failed,mean,sd,ci95_low,ci95_high",
                csv.get(0));
        assertEquals(1 + 6 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("0,random,0.05,gini.exposure.item,3,0,"), csv.get(1));
        String html = Files.readString(out.resolve(SweepSummary.HTML));
        assertTrue(html.contains("charts/metric-gini.exposure.item.svg"), html);
        assertTrue(html.contains("charts/curves-gini.exposure.item.svg"), html);
        for (String f : List.of("metric-gini.exposure.item", "metric-homogenisation.click", "curves-gini.exposure.item")) {
            assertTrue(Files.size(out.resolve("charts").resolve(f + ".png")) > 1000, f);
            assertTrue(Files.readString(out.resolve("charts").resolve(f + ".svg")).contains("<svg"), f);
        }
        assertTrue(Files.readString(out.resolve("charts").resolve("metric-gini.exposure.item.svg"))
                .contains("recommender.name=popular"), "x axis is the numeric parameter, a line per other value");
    }

    @Test
    void killedSweepResumesOnlyTheMissingRuns() throws Exception {
        Path out = dir.resolve("killed");
        SweepPlan plan = SweepFixtures.plan(gridFile, out);
        SweepRunner runner = new SweepRunner(plan);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "org.receco.scenarios.cli.RecEcoCli", "sweep", gridFile.toString(), "--out", out.toString(),
                "--threads", "1", "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (finished(runner, plan) < 5 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close of the index or the run database
            p.waitFor(30, TimeUnit.SECONDS);
        }
        Map<PlannedRun, byte[]> before = new HashMap<>();
        for (PlannedRun r : plan.runs()) {
            Path f = runner.runDir(r).resolve(RunRecord.FILE_NAME);
            if (Files.exists(f)) {
                before.put(r, Files.readAllBytes(f));
            }
        }
        assertTrue(before.size() >= 5, "the sweep got going: " + Files.readString(dir.resolve("killed.log")));
        assertTrue(before.size() < 18, "killed before the end (runs too fast to kill mid-way?)");
        SweepRunner.Report r = SweepFixtures.run(plan, 2);
        assertEquals(new SweepRunner.Report(18, 18 - before.size(), 18, 0), r);
        for (Map.Entry<PlannedRun, byte[]> e : before.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), Files.readAllBytes(runner.runDir(e.getKey())
                    .resolve(RunRecord.FILE_NAME))), "completed run " + e.getKey().dirName() + " was not redone");
        }
        assertEquals(reference, SweepFixtures.dump(out));
    }

    private static int finished(SweepRunner runner, SweepPlan plan) {
        int n = 0;
        for (PlannedRun r : plan.runs()) {
            if (Files.exists(runner.runDir(r).resolve(RunRecord.FILE_NAME))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void runFailingAtRoundThreeIsRecordedAndOthersComplete() throws Exception {
        Path out = dir.resolve("failing");
        Path sweep = SweepFixtures.sweep(src("failing-src"), "failing", """
                scenario: tiny.yaml
                set: {rounds: 5}
                parameters:
                  events.0.count: [1, 19990, 2]
                replicates: 2
                output: OUT
                """, out);
        // At round 3 a population joins and the recommender switches to social filtering, which refuses more than
        // 20,000 users: the middle point fails there, at run time (a limit validation does not foresee).
        Files.writeString(sweep.resolveSibling("tiny.yaml"), SweepFixtures.TINY.substring(0,
                SweepFixtures.TINY.indexOf("events:")) + """
                events:
                  - {type: add-population, round: 3, name: crowd, count: 1, model: simuline}
                  - {type: switch-recommender, round: 3, recommender: {name: social}}
                """);
        SweepPlan plan = SweepFixtures.plan(sweep);
        assertEquals(new SweepRunner.Report(6, 6, 4, 2), SweepFixtures.run(plan, 2));
        try (SweepIndex index = SweepIndex.open(out)) {
            Map<String, SweepIndex.Row> rows = index.runs();
            for (int rep = 0; rep < 2; rep++) {
                SweepIndex.Row failed = rows.get(SweepIndex.key(1, rep));
                assertEquals(RunRecord.FAILED, failed.status());
                assertEquals(3, failed.roundsCompleted(), "rounds 0-2 recorded, round 3 failed");
                assertTrue(failed.error().contains("at most 20000 users"), failed.error());
                for (int point : new int[] {0, 2}) {
                    SweepIndex.Row ok = rows.get(SweepIndex.key(point, rep));
                    assertEquals(RunRecord.COMPLETED, ok.status());
                    assertNull(ok.error());
                    assertEquals(5, ok.roundsCompleted());
                }
            }
            SweepSummary.write(plan, index);
            List<SweepSummary.Cell> cells = SweepSummary.cells(plan, index, "gini.exposure.item");
            assertEquals(0, cells.get(1).n());
            assertEquals(2, cells.get(1).failed());
            assertEquals(2, cells.get(0).n());
        }
        // failures are not retried unless asked; asked, they run (and fail) again
        SweepRunner runner = new SweepRunner(plan);
        assertEquals(new SweepRunner.Report(6, 0, 4, 2),
                runner.run(new SweepRunner.Options(2, null, false, SweepProgress.NONE)));
        assertEquals(new SweepRunner.Report(6, 2, 4, 2),
                runner.run(new SweepRunner.Options(2, null, true, SweepProgress.NONE)));
    }

    @Test
    void shardsWriteOnlyTheirRunsAndCollectMergesThem() throws Exception {
        Path out = dir.resolve("sharded");
        SweepPlan plan = SweepFixtures.plan(gridFile, out);
        SweepRunner runner = new SweepRunner(plan);
        List<SweepRunner.Report> reports = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            reports.add(runner.run(new SweepRunner.Options(1, new Shard(i, 3), false, SweepProgress.NONE)));
            if (i == 2) {
                assertFalse(Files.exists(out.resolve(SweepIndex.FILE_NAME)), "a shard does not touch the index");
                for (PlannedRun r : plan.runs()) {
                    assertEquals(r.ordinal() % 3 == 2, Files.exists(runner.runDir(r).resolve(RunRecord.FILE_NAME)));
                }
            }
        }
        assertEquals(List.of(new SweepRunner.Report(6, 6, 6, 0), new SweepRunner.Report(6, 6, 6, 0),
                new SweepRunner.Report(6, 6, 6, 0)), reports);
        assertEquals(new SweepRunner.Report(6, 0, 6, 0),
                runner.run(new SweepRunner.Options(1, new Shard(0, 3), false, SweepProgress.NONE)));
        assertEquals(new SweepRunner.Report(18, 18, 18, 0), runner.collect());
        assertEquals(new SweepRunner.Report(18, 0, 18, 0), runner.collect());
        assertEquals(reference, SweepFixtures.dump(out));
    }

    @Test
    void anIndexOfAnotherDefinitionIsRefused() throws Exception {
        Path out = dir.resolve("changed");
        Path src = src("changed-src");
        SweepPlan plan = SweepFixtures.plan(SweepFixtures.sweep(src, "s", """
                scenario: tiny.yaml
                parameters:
                  recommender.name: [random]
                output: OUT
                """, out));
        assertEquals(new SweepRunner.Report(1, 1, 1, 0), SweepFixtures.run(plan, 1));
        SweepPlan changed = SweepFixtures.plan(SweepFixtures.sweep(src, "s", """
                scenario: tiny.yaml
                set: {rounds: 5}
                parameters:
                  recommender.name: [random]
                output: OUT
                """, out));
        SweepException e = assertThrows(SweepException.class,
                () -> new SweepRunner(changed).run(new SweepRunner.Options(1, null, false, SweepProgress.NONE)));
        assertTrue(e.getMessage().contains("different definition") && e.getMessage().contains("p000-r00"),
                e.getMessage());
        assertNotNull(RunRecord.read(new SweepRunner(plan).runDir(plan.runs().get(0))));
    }
}
