package org.receco.scenarios.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.agents.data.MovieLensCsv;
import org.receco.agents.data.RatingsDataset;
import org.receco.scenarios.wiring.MovieLensFixture;

class MovieLensExportTest {
    @TempDir
    Path dir;

    private static Path tool(Path bin, String name, String body) throws Exception {
        Files.createDirectories(bin);
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void withoutAptTheMessageSaysSoAndNothingIsWritten() {
        Path out = dir.resolve("ml");
        MovieLensExport.ExportException e = assertThrows(MovieLensExport.ExportException.class,
                () -> new MovieLensExport(List.of(dir.resolve("empty")), true).export(out, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("apt-get is not available"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void withoutRscriptANonRootUserIsToldWhatToInstall() throws Exception {
        Path bin = dir.resolve("bin");
        tool(bin, "apt-get", "exit 0");
        tool(bin, "dpkg", "exit 0");
        MovieLensExport.ExportException e = assertThrows(MovieLensExport.ExportException.class,
                () -> new MovieLensExport(List.of(bin), false).export(dir.resolve("ml"), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("install Debian's r-base-core")
                && e.getMessage().contains("apt-get install -y --no-install-recommends r-base-core"), e.getMessage());
    }

    @Test
    void aFailedDownloadIsOneMessageAndLeavesNothing() throws Exception {
        Path bin = dir.resolve("bin");
        tool(bin, "apt-get", "echo 'E: Failed to fetch r-cran-dslabs: Temporary failure resolving' >&2; exit 100");
        tool(bin, "dpkg", "exit 0");
        tool(bin, "Rscript", "exit 0");
        Path out = dir.resolve("ml");
        MovieLensExport.ExportException e = assertThrows(MovieLensExport.ExportException.class,
                () -> new MovieLensExport(List.of(bin), true).export(out, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("apt-get download r-cran-dslabs failed")
                && e.getMessage().contains("exit 100") && e.getMessage().contains("Temporary failure"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void otherDataInTheDirectoryAreNotTakenForMovieLens() throws Exception {
        MovieLensFixture.write(dir, 10, 8, 1);
        assertTrue(MovieLensCsv.present(dir));
        assertFalse(MovieLensExport.complete(dir));
    }

    /** The real thing, when this machine has Debian's tools and Rscript (CI installs r-base-core). */
    @Test
    void exportsMovieLensLatestSmallFromDebianEndToEnd() throws Exception {
        MovieLensExport export = MovieLensExport.fromEnvironment();
        boolean tools = export.find("apt-get") != null && export.find("dpkg") != null && export.find("Rscript") != null;
        assumeTrue(tools, "skipped: needs apt-get, dpkg and Rscript (apt-get install --no-install-recommends "
                + "r-base-core) and the Debian registry");
        Path out = dir.resolve("movielens");
        StringWriter log = new StringWriter();
        MovieLensExport.Outcome o;
        try {
            o = export.export(out, new PrintWriter(log, true));
        } catch (MovieLensExport.ExportException e) {
            assumeTrue(!e.getMessage().startsWith("apt-get download"), "skipped: registry unreachable: "
                    + e.getMessage());
            throw e;
        }
        assertFalse(o.skipped());
        RatingsDataset d = MovieLensCsv.read(out);
        assertEquals(100_004, d.ratings());
        assertEquals(671, d.users());
        assertEquals(9_066, d.movies().size());
        assertEquals("Toy Story (1995)", d.movies().titles().get(0));
        assertEquals("Adventure|Animation|Children|Comedy|Fantasy", d.movies().genres().get(0));
        assertTrue(MovieLensExport.complete(out));
        assertTrue(export.export(out, new PrintWriter(new StringWriter())).skipped(), "idempotent");
        try (var s = Files.list(out)) {
            assertEquals(List.of("movies.csv", "ratings.csv"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
