package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.RunManifest;
import org.receco.scenarios.Fixtures;

class RecEcoCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliApp cl = RecEcoCli.commandLine(Fixtures.CATALOG);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void validatePrintsASummaryForAValidFile() {
        Path f = Fixtures.write(dir, "ok.yaml", "rounds: 7\nusers: {count: 30}\nauthors: {count: 4}\n");
        assertEquals(0, run("validate", f.toString(), "--set", "recommender.name=popular"), err.toString());
        assertEquals("OK: " + f + " (30 users, 4 authors, 7 rounds, recommender popular; memory about 64 MB of a "
                + org.receco.scenarios.run.MemoryEstimate.size(Runtime.getRuntime().maxMemory()) + " heap)",
                out.toString().trim());
        assertEquals("", err.toString());
    }

    @Test
    void validatePrintsEveryProblemToStderrAndExits2() {
        Path f = Fixtures.write(dir, "bad.yaml", "rounds: ten\nslate:\n  coldstart: 3\n");
        assertEquals(2, run("validate", f.toString(), "--set", "recommender.name=bpx"));
        String e = err.toString();
        assertTrue(e.contains(f + ":1:9: key path 'rounds': expected an integer"), e);
        assertTrue(e.contains(f + ":3:3: key path 'slate.coldstart': unknown key 'coldstart'"), e);
        assertTrue(e.contains("--set recommender.name=bpx: key path 'recommender.name': unknown recommender 'bpx'"), e);
        assertTrue(e.contains("3 problems found"), e);
        assertFalse(e.contains("Exception"), e);
        assertFalse(e.contains("\tat "), e);
        assertEquals("", out.toString());
    }

    @Test
    void validateChecksEveryArmOfAStudyFile() {
        Fixtures.write(dir, "world.yaml", "rounds: 7\nusers: {count: 30}\nauthors: {count: 4}\n");
        Path f = Fixtures.write(dir, "study.yaml", """
                name: two
                scenario: world.yaml
                arms:
                  rand: {recommender.name: random}
                  pop: {recommender.name: popular}
                baseline: rand
                replicates: 3
                """);
        assertEquals(0, run("validate", f.toString(), "--set", "rounds=5"), err.toString());
        assertEquals("OK: " + f + " (study two: 2 arms x 3 replicates, 5 rounds, scenario world.yaml, baseline rand)",
                out.toString().trim());
        assertEquals("", err.toString());
    }

    @Test
    void validateReportsAStudysProblemsAtTheStudyFilesLinesAndExits2() {
        Path f = Fixtures.write(dir, "study.yaml", """
                scenario:
                  rounds: 7
                  slate: {coldstart: 3}
                arms:
                  rand: {recommender.name: random}
                  typo: {recommender.name: popularr}
                """);
        assertEquals(2, run("validate", f.toString()));
        String e = err.toString();
        assertTrue(e.contains(f + ":3:11: key path 'slate.coldstart': unknown key 'coldstart'"), e);
        assertTrue(e.contains(f + ":6:28: key path 'recommender.name': unknown recommender 'popularr'"), e);
        assertTrue(e.contains("2 problems found"), e);
        assertEquals("", out.toString());
    }

    @Test
    void validateChecksEveryPointOfASweepFile() {
        Fixtures.write(dir, "world.yaml", "rounds: 7\nusers: {count: 30}\nauthors: {count: 4}\n");
        Path f = Fixtures.write(dir, "sweep.yaml", """
                name: recs
                scenario: world.yaml
                parameters:
                  recommender.name: [random, popular]
                replicates: 2
                """);
        assertEquals(0, run("validate", f.toString()), err.toString());
        assertEquals("OK: " + f + " (sweep recs: 2 points x 2 replicates = 4 runs)", out.toString().trim());
        out.getBuffer().setLength(0);
        assertEquals(2, run("validate", f.toString(), "--set", "users.count=-1"));
        assertTrue(err.toString().contains("--set users.count=-1: key path 'users.count'"), err.toString());
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertEquals(2, run("validate", dir.resolve("none.yaml").toString()));
        assertTrue(err.toString().contains("none.yaml: no such file"), err.toString());
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run("validate"));
        assertTrue(err.toString().contains("Missing required parameter: 'FILE'"), err.toString());
        assertTrue(err.toString().contains("Usage: receco validate [-hqV] [--set=PATH=VALUE]... [--seed=N] [--rounds=N]"), err.toString());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
    }

    @Test
    void schemaPrintsJson() throws Exception {
        assertEquals(0, run("schema"));
        var json = new ObjectMapper().readTree(out.toString());
        assertEquals("https://json-schema.org/draft/2020-12/schema", json.get("$schema").asText());
        assertTrue(json.at("/properties/slate/properties").has("coldStart"));
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertEquals("RecEco " + RunManifest.currentVersion(), out.toString().trim());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("validate"), out.toString());
        assertTrue(out.toString().contains("schema"), out.toString());
    }

    @Test
    void everySubcommandsHelpRendersAndMentionsEveryOption() {
        CliApp cl = RecEcoCli.commandLine(Fixtures.CATALOG);
        StringBuilder usages = new StringBuilder();
        for (CliCommand c : cl.commands()) {
            String usage = Usage.of("receco", c.spec());
            for (OptionSpec<?> o : c.spec().options()) {
                assertTrue(usage.contains(o.longName()), usage);
            }
            for (String line : usage.split("\n")) {
                assertTrue(line.length() <= Usage.WIDTH, line);
            }
            usages.append(usage);
        }
        assertTrue(usages.toString().contains("95 % confidence"), usages.toString());
    }

    @Test
    void everySubcommandAnswersHelpAndVersionWithoutRunning() {
        for (CliCommand c : RecEcoCli.commandLine(Fixtures.CATALOG).commands()) {
            String name = c.spec().name();
            out.getBuffer().setLength(0);
            assertEquals(0, run(name, "--help"), name);
            assertTrue(out.toString().startsWith("Usage: receco " + name + " [-h"), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(0, run("help", name), name);
            assertTrue(out.toString().startsWith("Usage: receco " + name + " [-h"), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(0, run(name, "-V"), name);
            assertEquals("RecEco " + RunManifest.currentVersion(), out.toString().trim(), name);
        }
        assertEquals("", err.toString());
    }
}
