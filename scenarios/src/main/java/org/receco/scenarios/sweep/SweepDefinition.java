package org.receco.scenarios.sweep;

import java.nio.file.Path;
import java.util.List;
import org.receco.scenarios.Origin;

/**
 * A validated sweep file (see {@link SweepFile} for the format).
 *
 * @param name       the sweep's name (default: the file name without extension)
 * @param file       the sweep file as given
 * @param scenario   the base scenario file (resolved against the sweep file's directory)
 * @param set        fixed {@code path=value} overrides applied to every run before the point's values, with
 *                   where each was written (sweep file {@code set:}, then command line {@code --set})
 * @param parameters the swept parameters, in the order written (the first varies slowest)
 * @param samples    random draws of the sampled parameters (1 when there are none)
 * @param replicates runs per point, each with its own seed
 * @param seed       the sweep seed every run seed and random sample derives from
 * @param seeds      how run seeds derive: per point (default) or shared by all points
 * @param metrics    the metrics summarised (their last-round values)
 * @param curves     the metric drawn over rounds per point
 * @param plotX      the parameter on the x axis of the summary charts (null when nothing is swept)
 * @param output     the output directory (index, run directories, summary)
 * @param digest     whether each run's database digest is computed and stored in the index (costs a full
 *                   read of every run database; off by default)
 */
public record SweepDefinition(String name, Path file, Path scenario, List<Fixed> set, List<Parameter> parameters,
                              int samples, int replicates, long seed, SeedMode seeds, List<String> metrics,
                              String curves, String plotX, Path output, boolean digest) {
    public SweepDefinition {
        set = List.copyOf(set);
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    /** This definition with another output directory (as {@code --out} gives). */
    public SweepDefinition withOutput(Path dir) {
        return new SweepDefinition(name, file, scenario, set, parameters, samples, replicates, seed, seeds, metrics,
                curves, plotX, dir, digest);
    }

    /** This definition with another sweep seed (as {@code --seed} gives): run seeds and random draws derive from it. */
    public SweepDefinition withSeed(long newSeed) {
        return new SweepDefinition(name, file, scenario, set, parameters, samples, replicates, newSeed, seeds, metrics,
                curves, plotX, output, digest);
    }

    /** A fixed override and where it was written. */
    public record Fixed(String assignment, Origin origin) {
    }

    /** How run seeds derive from the sweep seed. */
    public enum SeedMode {
        /** From the sweep seed, the point's values and the replicate: every run has its own seed. */
        PER_POINT,
        /** From the sweep seed and the replicate: replicate r has the same seed at every point (common random numbers). */
        SHARED
    }
}
