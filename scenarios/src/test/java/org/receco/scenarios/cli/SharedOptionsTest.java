package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;

/**
 * One grammar across commands: every registered command declares the shared options (--set, --seed, --rounds,
 * --threads, --out, -q, --dry-run) as {@link SharedOptions} does, and the checks those options share.
 */
class SharedOptionsTest {
    /**
     * Options that share a name but not a meaning, each with why: llm's seed is that of a test model's random
     * weights, not a simulation's root seed, and stays --seed because that is what a user of the tiny model types.
     */
    private static final List<String> UNSHARED = List.of("llm --seed");

    @TempDir
    Path dir;

    @Test
    void everyCommandDeclaresTheSharedOptionsAlike() {
        List<String> differences = new ArrayList<>();
        int shared = 0;
        for (CliCommand c : RecEcoCli.commandLine(ComponentCatalog.standard()).commands()) {
            for (String d : SharedOptions.differences(c.spec())) {
                if (UNSHARED.stream().noneMatch(u -> d.startsWith(u + ":"))) {
                    differences.add(d);
                }
            }
            for (OptionSpec<?> o : c.spec().options()) {
                shared += SharedOptions.all().contains(o) ? 1 : 0;
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(shared >= 20, "the walk saw the shared options (" + shared + ")");
    }

    @Test
    void theCheckFindsAnOptionDeclaredOtherwise() {
        CommandSpec spec = new CommandSpec("x", List.of("X."), List.of(), List.of(
                OptionSpec.single("--seed", "SEED", ValueType.INT, "Seed."),
                OptionSpec.flag("-q", "--silent", "Quiet."),
                OptionSpec.single("--out", "DIR", ValueType.PATH, "Where to write.")));
        List<String> d = SharedOptions.differences(spec);
        assertEquals(4, d.size(), String.join("\n", d));
        assertTrue(d.get(0).startsWith("x --seed: declared as [--seed] SEED (an integer)"), d.get(0));
        assertTrue(d.get(1).startsWith("x --seed: help 'Seed.' differs"), d.get(1));
        assertTrue(d.get(2).contains("--silent: uses the name -q of the shared --quiet"), d.get(2));
        assertTrue(d.get(3).startsWith("x --out: not declared with SharedOptions.out"), d.get(3));
    }

    @Test
    void commandsThatRunScenariosTakeTheRunGrammar() {
        CliApp app = RecEcoCli.commandLine(ComponentCatalog.standard());
        for (String name : List.of("run", "validate", "bench", "study", "sweep")) {
            CommandSpec spec = app.command(name).spec();
            for (OptionSpec<?> o : List.of(SharedOptions.SET, SharedOptions.SEED, SharedOptions.ROUNDS,
                    SharedOptions.THREADS, SharedOptions.QUIET)) {
                assertTrue(spec.options().contains(o), name + " takes " + o.longName());
            }
        }
        for (String name : List.of("study", "sweep")) {
            assertTrue(app.command(name).spec().options().contains(SharedOptions.DRY_RUN), name + " --dry-run");
        }
        for (String name : List.of("run", "validate", "study", "sweep", "report", "compare", "export")) {
            assertTrue(app.command(name).spec().option("--out") != null, name + " takes --out");
        }
    }

    @Test
    void outMustNotBeOrLieUnderARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals("receco run: --out " + file + ": is a file, not a directory",
                SharedOptions.outProblem("run", file));
        String under = SharedOptions.outProblem("run", file.resolve("sub/dir"));
        assertTrue(under.endsWith(file + " is a file, not a directory"), under);
        assertNull(SharedOptions.outProblem("run", dir.resolve("new/dir")));
        assertNull(SharedOptions.outProblem("run", dir));
        assertNull(SharedOptions.outProblem("run", null));
        assertFalse(Files.exists(dir.resolve("new")), "checking creates nothing");
    }

    @Test
    void seedAndRoundsComeAfterTheOverrides() {
        assertEquals(List.of("a=1", "seed=3", "rounds=4"), SharedOptions.withSeedAndRounds(List.of("a=1"), 3L, 4));
        assertEquals(List.of("a=1"), SharedOptions.withSeedAndRounds(List.of("a=1"), null, null));
        assertNull(SharedOptions.threadsProblem("run", 0));
        assertTrue(SharedOptions.threadsProblem("sweep", -1).startsWith("receco sweep: --threads -1 is negative"));
    }
}
