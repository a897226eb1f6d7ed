package org.receco.scenarios.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.receco.agents.data.MovieLensCsv;
import org.receco.agents.data.MovieLensFormatException;
import org.receco.agents.data.RatingsDataset;

/**
 * Writes MovieLens latest-small (Harper &amp; Konstan, "The MovieLens Datasets: History and Context", ACM TiiS 2015)
 * in the MovieLens layout from Debian's {@code r-cran-dslabs}, which ships it as the R data set {@code movielens}:
 * {@code apt-get download r-cran-dslabs} into a temporary directory, {@code dpkg -x} it, and let {@code Rscript}
 * (Debian's {@code r-base-core}, installed without recommends when missing and the user is root) {@code lazyLoad}
 * the one object from the package's {@code data/Rdata} and write it as CSV. Nothing else is fetched and no R package
 * is installed. Idempotent: a directory that already holds the expected data is left alone. On any failure nothing
 * is left in the target directory.
 */
public final class MovieLensExport {
    public static final int RATINGS = 100_004;
    public static final int USERS = 671;
    public static final int MOVIES = 9_066;
    public static final String TERMS = "MovieLens data are (c) GroupLens Research, University of Minnesota, under the "
            + "GroupLens terms of use (https://grouplens.org/datasets/movielens/; cite Harper & Konstan 2015; no "
            + "redistribution): keep them local and never commit them.";
    private static final String SCRIPT = "export-movielens.R";

    private final List<Path> searchPath;
    private final boolean root;

    /**
     * @param searchPath directories where {@code apt-get}, {@code dpkg} and {@code Rscript} are looked up ($PATH)
     * @param root       whether the user may install packages (then a missing {@code Rscript} is installed)
     */
    public MovieLensExport(List<Path> searchPath, boolean root) {
        this.searchPath = List.copyOf(searchPath);
        this.root = root;
    }

    /** Looks tools up on $PATH; root when the user's name is root. */
    public static MovieLensExport fromEnvironment() {
        List<Path> path = new ArrayList<>();
        String env = System.getenv("PATH");
        if (env != null) {
            for (String p : env.split(java.io.File.pathSeparator)) {
                if (!p.isEmpty()) {
                    path.add(Path.of(p));
                }
            }
        }
        return new MovieLensExport(path, "root".equals(System.getProperty("user.name")));
    }

    /** Why the export could not be done, in one message for the user. */
    public static final class ExportException extends Exception {
        private static final long serialVersionUID = 1L;

        public ExportException(String message) {
            super(message);
        }
    }

    /** What the export did. */
    public record Outcome(boolean skipped, RatingsDataset data, Path dir) {
    }

    /** Whether {@code dir} holds MovieLens latest-small as this export writes it. */
    public static boolean complete(Path dir) {
        if (!MovieLensCsv.present(dir)) {
            return false;
        }
        try {
            return matches(MovieLensCsv.read(dir));
        } catch (MovieLensFormatException e) {
            return false;
        }
    }

    static boolean matches(RatingsDataset d) {
        return d.ratings() == RATINGS && d.users() == USERS && d.movies().size() == MOVIES;
    }

    /** Writes {@code dir/ratings.csv} and {@code dir/movies.csv}, printing progress to {@code out}. */
    public Outcome export(Path dir, PrintWriter out) throws ExportException, IOException {
        if (complete(dir)) {
            return new Outcome(true, MovieLensCsv.read(dir), dir);
        }
        Path aptGet = require("apt-get", "apt-get is not available: the export needs Debian's package tools "
                + "(apt-get, dpkg) to fetch r-cran-dslabs");
        Path dpkg = require("dpkg", "dpkg is not available: the export needs Debian's package tools (apt-get, dpkg)");
        Path rscript = rscript(aptGet, out);
        Path tmp = Files.createTempDirectory("receco-dslabs");
        try {
            out.println("data: apt-get download r-cran-dslabs");
            out.flush();
            run(List.of(aptGet.toString(), "download", "r-cran-dslabs"), tmp,
                    "apt-get download r-cran-dslabs failed (is the Debian registry reachable? try apt-get update)");
            Path deb;
            try (Stream<Path> s = Files.list(tmp)) {
                deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new ExportException("apt-get download r-cran-dslabs wrote no .deb file"));
            }
            Path tree = tmp.resolve("pkg");
            run(List.of(dpkg.toString(), "-x", deb.toString(), tree.toString()), tmp, "dpkg -x " + deb.getFileName()
                    + " failed");
            Path data = tree.resolve("usr/lib/R/site-library/dslabs/data");
            if (!Files.isRegularFile(data.resolve("Rdata.rdb"))) {
                throw new ExportException(deb.getFileName() + " has no usr/lib/R/site-library/dslabs/data/Rdata.rdb");
            }
            Path script = tmp.resolve(SCRIPT);
            try (InputStream in = MovieLensExport.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            Path parts = tmp.resolve("csv");
            Files.createDirectories(parts);
            out.println("data: Rscript " + SCRIPT + " (lazyLoad of dslabs' movielens)");
            out.flush();
            run(List.of(rscript.toString(), "--vanilla", script.toString(), data.toString(), parts.toString()), tmp,
                    "Rscript could not export dslabs' movielens");
            Path ratings = parts.resolve("ratings.csv.part");
            Path movies = parts.resolve("movies.csv.part");
            Files.move(ratings, parts.resolve(MovieLensCsv.RATINGS));
            Files.move(movies, parts.resolve(MovieLensCsv.MOVIES));
            RatingsDataset d;
            try {
                d = MovieLensCsv.read(parts);
            } catch (MovieLensFormatException e) {
                throw new ExportException("the exported CSV does not read back: " + e.getMessage());
            }
            if (!matches(d)) {
                throw new ExportException("the export holds " + d.ratings() + " ratings, " + d.users() + " users and "
                        + d.movies().size() + " movies, not MovieLens latest-small's " + RATINGS + ", " + USERS
                        + " and " + MOVIES);
            }
            Files.createDirectories(dir);
            Files.move(parts.resolve(MovieLensCsv.MOVIES), dir.resolve(MovieLensCsv.MOVIES),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(parts.resolve(MovieLensCsv.RATINGS), dir.resolve(MovieLensCsv.RATINGS),
                    StandardCopyOption.REPLACE_EXISTING);
            return new Outcome(false, d, dir);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Rscript, installing r-base-core (no recommends) when it is missing and the user is root. */
    private Path rscript(Path aptGet, PrintWriter out) throws ExportException {
        Path r = find("Rscript");
        if (r != null) {
            return r;
        }
        String install = "apt-get install -y --no-install-recommends r-base-core";
        if (!root) {
            throw new ExportException("Rscript is not available: install Debian's r-base-core (as root: " + install
                    + "), then run ./receco data movielens again");
        }
        out.println("data: Rscript is missing; " + install);
        out.flush();
        run(List.of(aptGet.toString(), "install", "-y", "--no-install-recommends", "r-base-core"), Path.of("."),
                install + " failed");
        r = find("Rscript");
        if (r == null) {
            throw new ExportException(install + " did not provide Rscript");
        }
        return r;
    }

    private Path require(String tool, String message) throws ExportException {
        Path p = find(tool);
        if (p == null) {
            throw new ExportException(message);
        }
        return p;
    }

    /** The executable {@code name} in the search path, or null. */
    public Path find(String name) {
        for (Path dir : searchPath) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void run(List<String> command, Path dir, String failure) throws ExportException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        String output;
        int code;
        try {
            Process p = pb.start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            code = p.waitFor();
        } catch (IOException e) {
            throw new ExportException(failure + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException(failure + ": interrupted");
        }
        if (code != 0) {
            throw new ExportException(failure + " (exit " + code + "): " + lastLines(output, 3));
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
