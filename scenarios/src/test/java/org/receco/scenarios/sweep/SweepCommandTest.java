package org.receco.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;

/** {@code receco sweep} on the command line: exit codes, the bundled sweep, the Slurm script. */
class SweepCommandTest {
    /** Shrinks the bundled news scenario to a fraction of a second per run. */
    private static final List<String> SMALL = List.of("--set", "users.count=40", "--set", "authors.count=5",
            "--set", "rounds=3", "--set", "events.0.round=2", "--set", "events.0.items=5",
            "--set", "metrics.homogenisationPairs=50");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int sweep(List<String> args) {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.size() + 1];
        all[0] = "sweep";
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return cl.execute(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void bundledRecommendersSweepRunsShrunk() throws Exception {
        Path out = dir.resolve("recommenders");
        assertEquals(0, sweep(concat(List.of("sweeps/recommenders.yaml", "--out", out.toString(), "--quiet",
                "--threads", "2"), SMALL)), err.toString());
        String index = SweepFixtures.dump(out);
        assertEquals(20, index.lines().filter(l -> l.contains("\tcompleted\t")).count(), index);
        List<String> csv = Files.readAllLines(out.resolve(SweepSummary.CSV));
        assertEquals(1 + 4 * 4, csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("3,bpr,gini.exposure.item,5,0,")), String.join("\n", csv));
        assertTrue(Files.exists(out.resolve("charts/metric-gini.exposure.item.svg")));
        // the same command again: nothing to run; other --set values: a different sweep, refused
        assertEquals(0, sweep(concat(List.of("sweeps/recommenders.yaml", "--out", out.toString(), "--quiet"), SMALL)));
        assertEquals(RecEcoCli.INVALID_INPUT, sweep(concat(List.of("sweeps/recommenders.yaml", "--out",
                out.toString(), "--quiet", "--set", "slate.exposureMemory=2"), SMALL)));
        assertTrue(err.toString().contains("different definition"), err.toString());
    }

    /** What {@code sweep} printed to standard output (where its results go) while running {@code args}. */
    private String stdout(List<String> args, int[] code) {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            code[0] = sweep(args);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void dryRunNamesPointsAsTheirRunsAreNamedWritesNothingAndWarnsOfAnotherDefinition() throws Exception {
        Path out = dir.resolve("dry");
        Path f = SweepFixtures.sweep(dir, "grid", SweepFixtures.grid(4), out);
        int[] code = new int[1];
        String listed = stdout(List.of(f.toString(), "--dry-run"), code);
        assertEquals(0, code[0], err.toString());
        assertTrue(listed.contains("6 points x 3 replicates = 18 runs"), listed);
        assertTrue(listed.contains("  p000  recommender.name=random") && listed.contains("  p005  "), listed);
        assertTrue(Files.notExists(out), "a dry run writes nothing");
        assertEquals("", err.toString());
        // a real sweep there; then a dry run of another definition (other --seed) warns as the sweep would refuse
        String ran = stdout(List.of(f.toString(), "--quiet", "--threads", "2"), code);
        assertEquals(0, code[0], err.toString());
        assertTrue(ran.contains("ran 18 runs") && ran.contains("2 threads"), ran);
        assertTrue(Files.isDirectory(out.resolve("runs/p000-r00")), "runs are named by the listed point id");
        stdout(List.of(f.toString(), "--dry-run", "--seed", "12"), code);
        assertEquals(0, code[0]);
        assertTrue(err.toString().contains("warning: ") && err.toString().contains("different definition"),
                err.toString());
        assertEquals(RecEcoCli.INVALID_INPUT, sweep(List.of(f.toString(), "--quiet", "--seed", "12")));
    }

    @Test
    void failedRunsExitOneAndInvalidSweepsExitTwo() throws Exception {
        Path f = SweepFixtures.sweep(dir, "failing", """
                scenario: tiny.yaml
                parameters:
                  events.0.count: [19990, 1]
                output: OUT
                """, dir.resolve("out"));
        // the first point fails at round 2: social filtering refuses more than 20,000 users
        Files.writeString(dir.resolve("tiny.yaml"), SweepFixtures.TINY.substring(0,
                SweepFixtures.TINY.indexOf("events:")) + """
                events:
                  - {type: add-population, round: 2, name: crowd, count: 1, model: simuline}
                  - {type: switch-recommender, round: 2, recommender: {name: social}}
                """);
        assertEquals(RecEcoCli.FAILURE, sweep(List.of(f.toString(), "--quiet")));
        assertTrue(err.toString().contains("1 run failed"), err.toString());
        Path bad = SweepFixtures.sweep(dir, "bad", """
                scenario: tiny.yaml
                parameters:
                  users.count: [0]
                output: OUT
                """, dir.resolve("out2"));
        assertEquals(RecEcoCli.INVALID_INPUT, sweep(List.of(bad.toString())));
        assertTrue(err.toString().contains(bad + ":3:") && err.toString().contains("users.count"), err.toString());
        assertTrue(Files.notExists(dir.resolve("out2")), "nothing runs when the sweep is invalid");
        assertEquals(RecEcoCli.INVALID_INPUT, sweep(List.of(f.toString(), "--shard", "2/2")));
        // an author that does not exist is refused up front, at its value, not by a failing run
        Path unknownAuthor = SweepFixtures.sweep(dir, "unknown-author", """
                scenario: tiny.yaml
                parameters:
                  events.0.authorIds: [[1], [9999]]
                output: OUT
                """, dir.resolve("out3"));
        assertEquals(RecEcoCli.INVALID_INPUT, sweep(List.of(unknownAuthor.toString())));
        assertTrue(err.toString().contains("author id 9999 does not exist"), err.toString());
        assertTrue(Files.notExists(dir.resolve("out3")), "nothing runs when a point is invalid");
    }

    @Test
    void emitsASlurmArrayScriptOfShards() throws Exception {
        Path out = dir.resolve("slurm");
        assertEquals(0, sweep(concat(List.of("sweeps/recommenders.yaml", "--out", out.toString(), "--emit-slurm",
                "--tasks", "3", "--slurm-option=--time=1:00:00"), SMALL)), err.toString());
        String script = Files.readString(out.resolve("recommenders.sbatch"));
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        assertTrue(script.contains("#SBATCH --array=0-2\n"), script);
        assertTrue(script.contains("#SBATCH --time=1:00:00\n"), script);
        assertTrue(script.contains("COUNT=3\n"), script);
        assertTrue(script.contains("exec ./receco sweep " + Path.of("sweeps/recommenders.yaml").toAbsolutePath()
                + " --out " + out + " --set users.count=40"), script);
        assertTrue(script.contains("--shard \"$SLURM_ARRAY_TASK_ID/$COUNT\""), script);
        assertTrue(Files.isDirectory(out.resolve("slurm")), "the task log directory exists before sbatch");
    }

    /** The collect command printed (and written in the script) carries the --set/--seed/--rounds, so it runs as given. */
    @Test
    void theSlurmCollectCommandCarriesTheOverridesAndRunsVerbatim() throws Exception {
        Path o = dir.resolve("slurm-sets");
        List<String> cmd = concat(List.of("sweeps/recommenders.yaml", "--out", o.toString(), "--seed", "7",
                "--rounds", "2"), SMALL);
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, sweep(concat(cmd, List.of("--emit-slurm"))), err.toString());
        } finally {
            System.setOut(stdout);
        }
        String then = printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("then:")).findFirst().orElseThrow();
        String script = Files.readString(o.resolve("recommenders.sbatch"));
        String comment = script.lines().filter(l -> l.startsWith("# Then:")).findFirst().orElseThrow();
        for (String part : List.of("--set users.count=40", "--set events.0.items=5", "--seed 7", "--set rounds=2")) {
            assertTrue(then.contains(part), then);
            assertTrue(comment.contains(part), comment);
        }
        // run the sweep (locally, not by shards), then the printed collect command word for word
        assertEquals(0, sweep(concat(cmd, List.of("--quiet", "--threads", "2"))), err.toString());
        List<String> words = List.of(then.substring("then:".length()).trim().split(" +"));
        assertEquals("receco", words.get(0));
        assertEquals("sweep", words.get(1));
        assertEquals(0, sweep(words.subList(2, words.size())), err.toString());
        assertTrue(Files.exists(o.resolve(SweepSummary.CSV)));
    }
}
