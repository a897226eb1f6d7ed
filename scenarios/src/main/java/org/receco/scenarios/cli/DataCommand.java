package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.receco.agents.data.RatingsDataset;
import org.receco.scenarios.data.MovieLensExport;

/**
 * {@code receco data movielens [DIR]}: prepares real ratings for a world initialised from data
 * ({@code world.ratings}). One command with a data-set word, since the command layer has no nested commands.
 */
final class DataCommand implements CliCommand {
    static final String DEFAULT_DIR = "data/movielens";
    static final PositionalSpec<String> DATASET = PositionalSpec.required("DATASET", ValueType.STRING,
            "movielens (MovieLens latest-small, from Debian's r-cran-dslabs).");
    static final PositionalSpec<Path> DIR = PositionalSpec.optional("DIR", ValueType.PATH,
            "Where to write ratings.csv and movies.csv (default " + DEFAULT_DIR + ", git-ignored).");
    private static final List<String> DATASETS = List.of("movielens");

    private static final CommandSpec SPEC = new CommandSpec("data", List.of(
            "Prepare real rating data in the MovieLens layout for world.ratings.",
            "'data movielens [DIR]' writes MovieLens latest-small (" + MovieLensExport.RATINGS + " ratings, "
                    + MovieLensExport.USERS + " users, " + MovieLensExport.MOVIES + " movies with titles and "
                    + "genres) as DIR/ratings.csv and DIR/movies.csv: it runs apt-get download r-cran-dslabs into a "
                    + "temporary directory, unpacks it with dpkg -x and exports the data set with Rscript (Debian's "
                    + "r-base-core; installed without recommends if missing and you are root). It does nothing when "
                    + "DIR already holds the data. The data are under the GroupLens terms: never commit them."),
            List.of(DATASET, DIR), List.of());

    private final MovieLensExport export;

    DataCommand() {
        this(MovieLensExport.fromEnvironment());
    }

    DataCommand(MovieLensExport export) {
        this.export = export;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String dataset = args.value(DATASET);
        if (!DATASETS.contains(dataset)) {
            err.println("receco data: unknown data set '" + dataset + "'" + Suggestions.didYouMean(dataset, DATASETS)
                    + "; allowed: " + String.join(", ", DATASETS));
            err.print(Usage.of(CliApp.PROGRAM, SPEC));
            return RecEcoCli.INVALID_INPUT;
        }
        Path dir = args.value(DIR) == null ? Path.of(DEFAULT_DIR) : args.value(DIR);
        out.println(MovieLensExport.TERMS);
        MovieLensExport.Outcome o;
        try {
            o = export.export(dir, out);
        } catch (MovieLensExport.ExportException e) {
            err.println("receco data movielens: " + e.getMessage());
            return RecEcoCli.FAILURE;
        }
        RatingsDataset d = o.data();
        String what = d.ratings() + " ratings by " + d.users() + " users of " + d.movies().size() + " movies";
        out.println(o.skipped() ? "data: " + dir + " already holds MovieLens latest-small (" + what + "); nothing to do"
                : "data: wrote " + dir.resolve("ratings.csv") + " and " + dir.resolve("movies.csv") + " (" + what + ")");
        return RecEcoCli.OK;
    }
}
