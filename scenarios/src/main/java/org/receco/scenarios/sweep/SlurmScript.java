package org.receco.scenarios.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slurm job-array script for a sweep: task {@code i} of {@code n} runs {@code ./receco sweep FILE --shard
 * i/n}, writing only its own run directories; {@code ./receco sweep FILE --collect} merges them afterwards.
 * Paths in the script are absolute, so it can be submitted from anywhere on a shared file system.
 *
 * @param tasks         array tasks (at most the number of runs)
 * @param cpusPerTask   CPUs per task; each task runs that many runs at once
 * @param extraOptions  further {@code #SBATCH} options as given, e.g. {@code --partition=long}, {@code --time=2:00:00}
 * @param launcher      the command that starts RecEco, run from {@code home} (default {@code ./receco})
 * @param home          the RecEco directory the tasks start in
 * @param sets          the command line's {@code --set} overrides (with {@code rounds=R} for {@code --rounds}),
 *                      passed on to every task and to the collect command
 * @param seed          the command line's {@code --seed}, passed on likewise; null: none
 * @param retryFailed   pass {@code --retry-failed} to the tasks
 */
public record SlurmScript(int tasks, int cpusPerTask, List<String> extraOptions, String launcher, Path home,
                          List<String> sets, Long seed, boolean retryFailed) {
    public SlurmScript {
        extraOptions = List.copyOf(extraOptions);
        sets = List.copyOf(sets);
        if (tasks < 1 || cpusPerTask < 1) {
            throw new IllegalArgumentException("tasks and cpus per task must be >= 1");
        }
    }

    /** Without a {@code --seed}. */
    public SlurmScript(int tasks, int cpusPerTask, List<String> extraOptions, String launcher, Path home,
                       List<String> sets, boolean retryFailed) {
        this(tasks, cpusPerTask, extraOptions, launcher, home, sets, null, retryFailed);
    }

    /**
     * The options that make the sweep this definition ({@code --set}s, {@code --seed}): every task and the
     * collect command need them, or they would find a different definition of the sweep in its index.
     */
    public List<String> definitionArgs() {
        List<String> args = new ArrayList<>();
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        if (seed != null) {
            args.add("--seed");
            args.add(seed.toString());
        }
        return args;
    }

    /** {@code args} quoted for bash and joined by spaces. */
    public static String shellWords(List<String> args) {
        return join(args);
    }

    /** The script's text for {@code plan} (tasks capped at the number of runs). */
    public String text(SweepPlan plan, Path sweepFile) {
        SweepDefinition d = plan.definition();
        int n = Math.min(tasks, plan.runs().size());
        Path out = d.output().toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("sweep", sweepFile.toAbsolutePath().normalize().toString(),
                "--out", out.toString()));
        args.addAll(definitionArgs());
        if (retryFailed) {
            args.add("--retry-failed");
        }
        List<String> collect = new ArrayList<>(List.of("sweep", sweepFile.toAbsolutePath().normalize().toString(),
                "--out", out.toString()));
        collect.addAll(definitionArgs());
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# RecEco sweep '").append(d.name()).append("': ").append(plan.runs().size()).append(" runs (")
                .append(plan.points().size()).append(" points x ").append(d.replicates()).append(" replicates) in ")
                .append(n).append(" array tasks.\n");
        sb.append("# Submit:  sbatch ").append(quote(out.resolve(fileName(d)).toString())).append('\n');
        sb.append("# Then:    cd ").append(quote(home.toString())).append(" && ").append(launcher).append(' ')
                .append(join(collect)).append(" --collect\n");
        sb.append("#SBATCH --job-name=").append(("receco-" + d.name()).replaceAll("[^A-Za-z0-9._-]", "_")).append('\n');
        sb.append("#SBATCH --array=0-").append(n - 1).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
        sb.append("#SBATCH --output=").append(out.resolve("slurm")).append("/%A_%a.out\n");
        for (String o : extraOptions) {
            sb.append("#SBATCH ").append(o).append('\n');
        }
        sb.append("set -euo pipefail\n");
        sb.append("COUNT=").append(n).append('\n');
        sb.append("cd ").append(quote(home.toString())).append('\n');
        sb.append("exec ").append(launcher).append(' ').append(join(args))
                .append(" --shard \"$SLURM_ARRAY_TASK_ID/$COUNT\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        return sb.toString();
    }

    /** Writes the script to {@code <output>/<name>.sbatch} (and creates the Slurm log directory); returns it. */
    public Path write(SweepPlan plan, Path sweepFile) {
        Path out = plan.definition().output().toAbsolutePath().normalize();
        Path file = out.resolve(fileName(plan.definition()));
        try {
            Files.createDirectories(out.resolve("slurm"));
            Files.writeString(file, text(plan, sweepFile));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: sbatch reads the script anyway
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fileName(SweepDefinition d) {
        return d.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".sbatch";
    }

    private static String join(List<String> args) {
        List<String> q = new ArrayList<>();
        for (String a : args) {
            q.add(quote(a));
        }
        return String.join(" ", q);
    }

    /** {@code s} quoted for bash when it needs it. */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
