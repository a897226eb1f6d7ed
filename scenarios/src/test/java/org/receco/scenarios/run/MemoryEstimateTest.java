package org.receco.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;
import org.receco.scenarios.model.Scenario;

/** A run's memory is estimated from its sizes, and a run that cannot fit the heap is refused up front. */
class MemoryEstimateTest {
    /** The example: 10^8 users in 1024 dimensions, far beyond any test JVM's heap. */
    private static final String HUGE = "users: {count: 100000000}\nspace: {dims: 1024}\n";

    @TempDir
    Path dir;

    private Scenario load(String yaml) {
        return new ScenarioLoader().load("s.yaml", yaml, List.of()).scenario();
    }

    @Test
    void theEstimateCountsPreferencesAndGrowsWithEverySize() {
        MemoryEstimate huge = MemoryEstimate.of(load(HUGE));
        // users x dims floats, twice (preferences and their previous copy): 10^8 x 1024 x 4 x 2 bytes
        assertTrue(huge.bytes() >= 2L * 100_000_000 * 1024 * Float.BYTES, MemoryEstimate.size(huge.bytes()));
        MemoryEstimate base = MemoryEstimate.of(load("{}\n"));
        for (String bigger : List.of("users: {count: 4000}", "space: {dims: 32}", "rounds: 100",
                "authors: {count: 400}", "slate: {size: 80, match: 70, coldStart: 10}",
                "recommender: {params: {factors: 64}}",
                "events: [{type: add-population, round: 1, name: more, count: 500, model: simuline}]")) {
            assertTrue(MemoryEstimate.of(load(bigger + "\n")).bytes() > base.bytes(), bigger);
        }
        // every event kind states its own footprint: items a burst publishes, factors of a recommender switched to
        assertEquals(base.items() + 5000, MemoryEstimate.of(load(
                "events: [{type: breaking-news, round: 1, topic: 0, items: 5000}]\n")).items());
        assertTrue(MemoryEstimate.of(load("recommender: {name: random}\nevents: [{type: switch-recommender, round: 1, "
                + "recommender: {name: bpr, params: {factors: 256}}}]\n")).bytes()
                > MemoryEstimate.of(load("recommender: {name: random}\n")).bytes());
        assertEquals(2500, MemoryEstimate.of(load(
                "events: [{type: add-population, round: 1, name: more, count: 500, model: simuline}]\n")).users());
    }

    @Test
    void aRunBeyondTheHeapIsRefusedNamingBothFiguresAndTheRemedy() {
        MemoryEstimate e = MemoryEstimate.of(load("{}\n"));
        e.requireFits("s.yaml", e.bytes());
        ScenarioException x = assertThrows(ScenarioException.class, () -> e.requireFits("s.yaml", e.bytes() - 1));
        String m = x.getMessage();
        assertTrue(m.startsWith("s.yaml: the run needs about " + MemoryEstimate.size(e.bytes())), m);
        assertTrue(m.contains("the Java heap is " + MemoryEstimate.size(e.bytes() - 1)), m);
        assertTrue(m.contains("RECECO_JAVA_OPTS=-Xmx"), m);
    }

    @Test
    void validateAndRunRefuseItWithExit2AndWriteNothing() throws Exception {
        Path f = Files.writeString(dir.resolve("huge.yaml"), HUGE);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CliApp cli = RecEcoCli.commandLine(ComponentCatalog.standard());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(RecEcoCli.INVALID_INPUT, cli.execute("validate", f.toString()), err.toString());
        assertTrue(err.toString().contains("the run needs about") && err.toString().contains("RECECO_JAVA_OPTS"),
                err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        Path runs = dir.resolve("runs");
        assertEquals(RecEcoCli.INVALID_INPUT, cli.execute("run", f.toString(), "--out", runs.toString(), "--quiet"));
        assertFalse(Files.exists(runs), "nothing is written");
        Path fits = Files.writeString(dir.resolve("fits.yaml"), "{}\n");
        assertEquals(RecEcoCli.OK, cli.execute("validate", fits.toString()), err.toString());
        assertTrue(out.toString().contains("memory about ") && out.toString().contains(" heap)"), out.toString());
    }
}
