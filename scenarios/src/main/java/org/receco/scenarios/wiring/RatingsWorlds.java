package org.receco.scenarios.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.receco.agents.data.MfParams;
import org.receco.agents.data.MovieLensCsv;
import org.receco.agents.data.RatingsDataset;
import org.receco.agents.data.RatingsWorld;

/**
 * The ratings data and fitted worlds scenarios name, read and fitted once per JVM: a scenario is validated before
 * it runs and a sweep runs one file many times, and both the reading and the fit are deterministic. One entry each,
 * keyed by the directory and both files' sizes and modification times, so an edited file is read again.
 */
public final class RatingsWorlds {
    private static Key datasetKey;
    private static RatingsDataset dataset;
    private static Key worldKey;
    private static RatingsWorld world;
    private static long fitNanos;

    private RatingsWorlds() {
    }

    private record Key(Path dir, List<Long> stamps, MfParams params) {
        static Key of(Path dir, MfParams params) {
            try {
                Path r = dir.resolve(MovieLensCsv.RATINGS);
                Path m = dir.resolve(MovieLensCsv.MOVIES);
                return new Key(dir.toAbsolutePath().normalize(), List.of(Files.size(r),
                        Files.getLastModifiedTime(r).toMillis(), Files.size(m), Files.getLastModifiedTime(m).toMillis()),
                        params);
            } catch (IOException e) {
                return new Key(dir.toAbsolutePath().normalize(), List.of(), params);
            }
        }
    }

    /** The data set in {@code dir} ({@link MovieLensCsv#read}). */
    public static synchronized RatingsDataset dataset(Path dir) {
        Key key = Key.of(dir, null);
        if (!key.equals(datasetKey)) {
            dataset = MovieLensCsv.read(dir);
            datasetKey = key;
        }
        return dataset;
    }

    /** The world fitted to the data in {@code dir}. */
    public static synchronized RatingsWorld world(Path dir, MfParams params) {
        Key key = Key.of(dir, params);
        if (!key.equals(worldKey)) {
            long t0 = System.nanoTime();
            world = RatingsWorld.fit(dataset(dir), params);
            fitNanos = System.nanoTime() - t0;
            worldKey = key;
        }
        return world;
    }

    /**
     * One line on the latest fitted world, for the run summary: its size, the fit's RMSE against the global-mean
     * baseline and the time reading and fitting took; null when no world was fitted.
     */
    public static synchronized String describeLatest() {
        if (world == null) {
            return null;
        }
        var f = world.fit();
        var d = world.data();
        return String.format(java.util.Locale.ROOT, "world: %s: %,d ratings by %,d users of %,d movies; biased MF "
                        + "(%d factors) RMSE %.4f against the global mean's %.4f; fitted in %.2f s", worldKey.dir(),
                d.ratings(), d.users(), d.movies().size(), f.factors(), f.rmse(), f.baselineRmse(), fitNanos / 1e9);
    }
}
