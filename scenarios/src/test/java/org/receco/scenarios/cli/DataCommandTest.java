package org.receco.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.data.MovieLensExport;

class DataCommandTest {
    @TempDir
    Path dir;

    private static String[] run(CliCommand command, String... args) {
        CliApp cl = new CliApp(List.of(command), ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void anUnknownDataSetExits2WithTheAllowedOnes() {
        String[] r = run(new DataCommand(), "data", "movielenz", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown data set 'movielenz'") && r[2].contains("allowed: movielens"), r[2]);
        assertTrue(r[2].contains("did you mean 'movielens'"), r[2]);
    }

    @Test
    void aFailureIsOneMessageAfterTheTermsAndExitsNonZero() {
        DataCommand c = new DataCommand(new MovieLensExport(List.of(dir.resolve("no-tools")), true));
        Path out = dir.resolve("ml");
        String[] r = run(c, "data", "movielens", out.toString());
        assertEquals(String.valueOf(RecEcoCli.FAILURE), r[0]);
        assertTrue(r[1].contains("GroupLens terms") && r[1].contains("never commit them"), r[1]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].startsWith("receco data movielens: apt-get is not available"), r[2]);
        assertFalse(Files.exists(out));
    }

    @Test
    void theStandardCommandLineListsIt() {
        CliApp cl = RecEcoCli.commandLine(ComponentCatalog.standard());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("data", "--help"));
        assertTrue(out.toString().contains("r-cran-dslabs") && out.toString().contains("data/movielens"), out.toString());
    }
}
