package org.receco.scenarios.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.receco.core.store.RunDatabase;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.Progress;
import org.receco.scenarios.run.RunFailedException;
import org.receco.scenarios.run.RunResult;
import org.receco.scenarios.run.Runner;
import org.receco.scenarios.sweep.SweepPlan.PlannedRun;

/**
 * Runs a sweep's runs on a local pool, each an independent single-threaded model writing its own H2 file in
 * {@code <output>/runs/<pNNN-rNN>/}, and records each outcome twice: {@code result.json} in the run directory
 * (written last; a directory without it is a run that did not finish and is redone from scratch) and, unless
 * running a shard, a row in the {@link SweepIndex}. A failed run is recorded with its error and the others go
 * on. Runs already completed are skipped, and failed ones too unless {@code retryFailed}.
 *
 * <p>A shard runs only its own runs and writes only their run directories, so shards may run at once on any
 * machines sharing the output directory; {@link #collect} merges their {@code result.json} files into the
 * index (a local sweep collects first too).
 */
public final class SweepRunner {
    /** Sub-directory of the output holding the run directories. */
    public static final String RUNS_DIR = "runs";

    /**
     * @param threads     runs at once (at least 1)
     * @param shard       only this shard's runs, without touching the index (null: all runs, with the index)
     * @param retryFailed run failed runs again
     * @param progress    where progress goes
     */
    public record Options(int threads, Shard shard, boolean retryFailed, SweepProgress progress) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            progress = progress == null ? SweepProgress.NONE : progress;
        }
    }

    /** What an invocation did: planned runs (of the shard), runs executed now, and the outcome of all planned. */
    public record Report(int planned, int executed, int completed, int failed) {
    }

    private final SweepPlan plan;
    private final Path output;
    private final Path runsDir;
    private final String scenarioText;

    public SweepRunner(SweepPlan plan) {
        this.plan = plan;
        this.output = plan.definition().output();
        this.runsDir = output.resolve(RUNS_DIR);
        try {
            this.scenarioText = Files.readString(plan.definition().scenario(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + plan.definition().scenario() + ": " + e.getMessage(), e);
        }
    }

    public Path runDir(PlannedRun run) {
        return runsDir.resolve(run.dirName());
    }

    /** The scenario hash a run of the current definition has: the identity checked before skipping it. */
    public String expectedSha(PlannedRun run) {
        return ScenarioLoader.sha256(scenarioText, plan.overrides(run));
    }

    /** Runs what is missing (of the shard, if any); see the class comment. */
    public Report run(Options options) throws SQLException, InterruptedException {
        if (options.shard() != null) {
            return runShard(options);
        }
        try (SweepIndex index = SweepIndex.open(output)) {
            index.writePoints(plan.points());
            collect(index);
            Map<String, SweepIndex.Row> rows = index.runs();
            List<PlannedRun> todo = new ArrayList<>();
            for (PlannedRun run : plan.runs()) {
                SweepIndex.Row row = rows.get(SweepIndex.key(run.point().index(), run.replicate()));
                if (row == null || (options.retryFailed() && !RunRecord.COMPLETED.equals(row.status()))) {
                    todo.add(run);
                }
            }
            execute(todo, options, (run, rec) -> index.record(rec, relative(run)));
            return report(index, todo.size());
        }
    }

    private Report runShard(Options options) throws InterruptedException, SQLException {
        List<PlannedRun> mine = plan.runs().stream().filter(r -> options.shard().owns(r.ordinal())).toList();
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : mine) {
            RunRecord rec = recordOf(run);
            if (rec == null || (options.retryFailed() && !rec.completed())) {
                todo.add(run);
            }
        }
        execute(todo, options, (run, rec) -> { });
        int completed = 0;
        int failed = 0;
        for (PlannedRun run : mine) {
            RunRecord rec = recordOf(run);
            if (rec != null && rec.completed()) {
                completed++;
            } else if (rec != null) {
                failed++;
            }
        }
        return new Report(mine.size(), todo.size(), completed, failed);
    }

    /**
     * Merges every run directory's {@code result.json} into the index where the index lacks it or differs, and
     * returns how many were merged.
     *
     * @throws SweepException when a record belongs to another definition of the sweep
     */
    public int collect(SweepIndex index) throws SQLException {
        Map<String, SweepIndex.Row> rows = index.runs();
        int merged = 0;
        for (PlannedRun run : plan.runs()) {
            SweepIndex.Row row = rows.get(SweepIndex.key(run.point().index(), run.replicate()));
            if (row != null) {
                checkSame(run, row.scenarioSha256(), "the index");
            }
            RunRecord rec = RunRecord.read(runDir(run));
            if (rec == null) {
                continue;
            }
            checkSame(run, rec.scenarioSha256(), runDir(run).resolve(RunRecord.FILE_NAME).toString());
            if (row == null || !row.status().equals(rec.status()) || !Objects.equals(row.digest(), rec.digest())
                    || !Objects.equals(row.error(), rec.error()) || row.wallSeconds() != rec.wallSeconds()) {
                index.record(rec, relative(run));
                merged++;
            }
        }
        return merged;
    }

    /** Opens the index, writes the points, collects, and reports (for {@code --collect}). */
    public Report collect() throws SQLException {
        try (SweepIndex index = SweepIndex.open(output)) {
            index.writePoints(plan.points());
            int merged = collect(index);
            return report(index, merged);
        }
    }

    /**
     * What {@link #run} would refuse because the output directory holds another definition of the sweep, said
     * as its message; null when nothing there conflicts. Reads the run records and, if there is one, the index,
     * and writes nothing (for {@code --dry-run}).
     */
    public String otherDefinition() throws SQLException {
        try {
            for (PlannedRun run : plan.runs()) {
                recordOf(run);
            }
            try (SweepIndex index = SweepIndex.openExisting(output)) {
                if (index != null) {
                    Map<String, SweepIndex.Row> rows = index.runs();
                    for (PlannedRun run : plan.runs()) {
                        SweepIndex.Row row = rows.get(SweepIndex.key(run.point().index(), run.replicate()));
                        if (row != null) {
                            checkSame(run, row.scenarioSha256(), "the index");
                        }
                    }
                }
            }
            return null;
        } catch (SweepException e) {
            return e.getMessage();
        }
    }

    private void checkSame(PlannedRun run, String sha, String where) {
        if (sha != null && !sha.equals(expectedSha(run))) {
            throw new SweepException(where + " holds run " + run.dirName() + " of a different definition of this "
                    + "sweep (other scenario, values, seeds or --set) in " + output + "; use another output "
                    + "directory (output: in the sweep file, or --out) or delete this one");
        }
    }

    private Report report(SweepIndex index, int executed) throws SQLException {
        Map<String, SweepIndex.Row> rows = index.runs();
        int completed = 0;
        int failed = 0;
        for (PlannedRun run : plan.runs()) {
            SweepIndex.Row row = rows.get(SweepIndex.key(run.point().index(), run.replicate()));
            if (row != null && RunRecord.COMPLETED.equals(row.status())) {
                completed++;
            } else if (row != null) {
                failed++;
            }
        }
        return new Report(plan.runs().size(), executed, completed, failed);
    }

    private RunRecord recordOf(PlannedRun run) {
        RunRecord rec = RunRecord.read(runDir(run));
        if (rec != null) {
            checkSame(run, rec.scenarioSha256(), runDir(run).resolve(RunRecord.FILE_NAME).toString());
        }
        return rec;
    }

    private static String relative(PlannedRun run) {
        return RUNS_DIR + "/" + run.dirName();
    }

    private interface Sink {
        void accept(PlannedRun run, RunRecord record) throws SQLException;
    }

    private void execute(List<PlannedRun> todo, Options options, Sink sink) throws InterruptedException,
            SQLException {
        if (todo.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), todo.size()), r -> {
            Thread t = new Thread(r, "receco-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        options.progress().start(todo.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedRun run : todo) {
                futures.add(pool.submit(() -> {
                    RunRecord rec = runOne(run);
                    rec.write(runDir(run));
                    sink.accept(run, rec);
                    options.progress().finished(run, rec);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException se) {
                        throw se;
                    }
                    throw new SweepException("sweep machinery failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            options.progress().stop();
        }
    }

    /** Plays one run from scratch into its directory; any failure becomes a failed record. */
    RunRecord runOne(PlannedRun run) {
        Path dir = runDir(run);
        deleteTree(dir);
        long t0 = System.nanoTime();
        String status = RunRecord.COMPLETED;
        String error = null;
        int rounds = 0;
        String sha = expectedSha(run);
        try {
            LoadedScenario loaded = plan.load(run);
            sha = loaded.sha256();
            RunResult result;
            try {
                result = Runner.run(loaded, new Runner.Options(runsDir, 1, Progress.NONE, run.dirName()));
            } catch (RunFailedException e) {
                result = e.result();
                status = RunRecord.FAILED;
                error = result.manifest().error();
            }
            rounds = result.manifest().roundsCompleted();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            status = RunRecord.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String digest = null;
        Map<String, List<Double>> perRound = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        if (Files.isRegularFile(RunDatabase.file(dir))) {
            try (Connection c = RunDatabase.open(dir)) {
                if (plan.definition().digest()) {
                    // Reads every row back: about a quarter of a default news run's time, so only on request.
                    digest = RunDatabase.digest(c);
                }
                readMetrics(c, perRound, last);
            } catch (SQLException | RuntimeException e) {
                status = RunRecord.FAILED;
                error = (error == null ? "" : error + "; ") + "cannot read the run database: " + e.getMessage();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new RunRecord(run.point().index(), run.replicate(), run.seed(), status, error, rounds, wall, sha,
                digest, last, perRound);
    }

    /** Every metric per round, and the values of the last round that has metrics. */
    private static void readMetrics(Connection c, Map<String, List<Double>> perRound, Map<String, Double> last)
            throws SQLException {
        int lastRound = -1;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT round, name, \"VALUE\" FROM metrics ORDER BY round, name")) {
            while (rs.next()) {
                int round = rs.getInt(1);
                String name = rs.getString(2);
                double v = rs.getDouble(3);
                List<Double> series = perRound.computeIfAbsent(name, k -> new ArrayList<>());
                while (series.size() < round) {
                    series.add(Double.NaN);
                }
                series.add(v);
                if (round > lastRound) {
                    lastRound = round;
                    last.clear();
                }
                last.put(name, v);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + ": " + e.getMessage(), e);
        }
    }
}
