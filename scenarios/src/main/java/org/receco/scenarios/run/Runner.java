package org.receco.scenarios.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.receco.agents.users.llm.LlmCallsTable;
import org.receco.agents.users.llm.LlmSession;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.spi.RunSink;
import org.receco.core.store.H2RunStore;
import org.receco.core.store.StoreOptions;
import org.receco.core.util.KillPoints;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.model.StoreSpec;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * Plays one scenario headless: creates the run directory
 * {@code <out>/<name>-<recommender>-<yyyyMMdd-HHmmss>-s<seed>/},
 * writes {@code manifest.json} (status {@code running}), records every round to {@code run.mv.db}, reports
 * progress, and rewrites the manifest with the outcome. A run that is killed keeps a manifest saying
 * {@code running} and a database readable up to its last committed round.
 */
public final class Runner {
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * @param outDir   where the run directory is created (null: no store, nothing written)
     * @param threads  worker threads (0: the scenario's setting)
     * @param progress where progress goes (null: none)
     * @param runDirName name of the run directory inside {@code outDir} (null: {@code <name>-<recommender>-<time>-s<seed>});
     *                   a given name is used as it is and must not hold a previous run
     * @param rerunOf    the run directory this run replays ({@link Rerun}), recorded in the manifest; or null
     * @param llmReplay  recorded LLM calls that answer every request of the run's LLM populations, so that no
     *                   request is sent ({@code receco run --replay}); or null for a live run
     */
    public record Options(Path outDir, int threads, Progress progress, String runDirName, String rerunOf,
                          LlmCallsTable.Recorded llmReplay) {
        public Options(Path outDir, int threads, Progress progress) {
            this(outDir, threads, progress, null, null, null);
        }

        public Options(Path outDir, int threads, Progress progress, String runDirName) {
            this(outDir, threads, progress, runDirName, null, null);
        }

        public Options(Path outDir, int threads, Progress progress, String runDirName, String rerunOf) {
            this(outDir, threads, progress, runDirName, rerunOf, null);
        }
    }

    /** How long the interrupt hook waits for the round in play and the run's end to be recorded. */
    private static final long HOOK_WAIT_S = 120;

    private Runner() {
    }

    /** System property naming the step at which {@link #haltAt} kills the process (tests only; unset: never). */
    static final String HALT_PROPERTY = KillPoints.PROPERTY;

    /** A step of the run's record a kill test may halt at ({@link KillPoints}). */
    private static void haltAt(String step) {
        KillPoints.reach(step);
    }

    /** The one line a Ctrl-C'd run prints: how far it got, where it is, how to read it. */
    public static String interruptedLine(RunManifest m, Path runDir) {
        return "receco run: interrupted: stopped after " + m.roundsCompleted() + " complete rounds of "
                + m.roundsPlanned() + (runDir == null ? " (nothing recorded)" : "; the run is in " + runDir
                + "; read it with: receco report " + runDir);
    }

    public static RunResult run(LoadedScenario loaded, Options options) {
        Scenario scenario = loaded.scenario();
        Path runDir = null;
        if (options.outDir() != null) {
            runDir = options.runDirName() == null ? createRunDir(options.outDir(), scenario)
                    : createNamedRunDir(options.outDir(), options.runDirName());
        }
        String runName = runDir == null ? scenario.name().replaceAll("[^A-Za-z0-9._-]+", "-")
                : runDir.getFileName().toString();
        LlmSession llm = options.llmReplay() == null ? LlmSession.live(runName)
                : new LlmSession(options.llmReplay(), Path.of(options.rerunOf() == null ? "the recorded run"
                        : options.rerunOf()), runName, System::getenv);
        ScenarioWiring wiring = new ScenarioWiring(scenario, llm);
        RecEcoModel model = new RecEcoModel(wiring);
        if (options.threads() > 0) {
            model.setThreads(options.threads());
        }
        int threads = options.threads() > 0 ? options.threads() : wiring.config().threads();
        RunManifest manifest = newManifest(loaded, threads, options.rerunOf());

        RunSink sink = RunSink.NONE;
        if (runDir != null) {
            manifest.write(runDir.resolve("manifest.json"));
            haltAt("manifest");
            // The store's writer thread overlaps H2's inserts with the next round only when the run may use a
            // second core: a sweep or study runs one single-threaded run per core it was given, and a run with
            // --threads 1 is asked for one core, so there the round's rows are written on the run's own thread
            // instead of competing with the other runs for cores (same rows, same transactions, same digest).
            int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            sink = openStore(runDir, scenario, manifest, cores > 1);
            haltAt("store");
        }
        model.setSink(sink, manifest);

        long[] totals = new long[2];
        Progress progress = options.progress() == null ? Progress.NONE : options.progress();
        progress.watch(() -> llm.active() ? llm.status().toString() : null);
        model.addRoundListener((m, r) -> {
            totals[0] += m.counters().clicks;
            totals[1] += m.counters().likes;
            progress.round(r + 1, scenario.rounds());
            haltAt("round:" + r);
        });
        Path manifestFile = runDir == null ? null : runDir.resolve("manifest.json");
        // Ctrl-C (SIGINT, SIGTERM): the hook asks the loop below to stop after the round being played, waits
        // until that round and the run's end are recorded (the JVM exits when the hook returns), then says so.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch recorded = new CountDownLatch(1);
        RunManifest[] ended = {null};
        Path shownDir = runDir;
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                recorded.await(HOOK_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RunManifest m = ended[0];
            if (m != null && RunManifest.INTERRUPTED.equals(m.status())) {
                System.err.println(interruptedLine(m, shownDir));
                System.err.flush();
            }
        }, "receco-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);

        long t0 = System.nanoTime();
        String status = RunManifest.COMPLETED;
        String error = null;
        RuntimeException failure = null;
        progress.start(scenario.name(), scenario.rounds());
        try {
            model.start();
            // Round by round (runUntil plays whole rounds, so results are those of runToEnd) to stop between two.
            while (model.roundsCompleted() < scenario.rounds() && !stop.get()) {
                int before = model.roundsCompleted();
                model.runUntil(before + 1);
                if (model.roundsCompleted() == before) {
                    break;
                }
            }
            if (stop.get() && model.roundsCompleted() < scenario.rounds()) {
                status = RunManifest.INTERRUPTED;
                error = "interrupted by signal";
            }
        } catch (RuntimeException e) {
            status = RunManifest.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            failure = e;
        } finally {
            progress.stop();
            model.finish();
            llm.close();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        RunManifest end = manifest.withProgress(model.roundsCompleted()).ended(status, Instant.now().toString(), error);
        // The database is the record: its run_manifest is committed first, manifest.json copied from it after
        // (RunDatabase.open brings a file a kill left behind level with the database).
        try {
            try {
                sink.finish(end);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            haltAt("finish");
            try {
                sink.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            haltAt("close");
            if (manifestFile != null) {
                try {
                    end.write(manifestFile);
                } catch (UncheckedIOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            haltAt("json");
        } finally {
            ended[0] = end;
            recorded.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook reports the interruption
            }
        }
        if (failure != null && RunManifest.COMPLETED.equals(end.status())) {
            // the end could not be recorded: the caller must not report success
            end = end.ended(RunManifest.FAILED, end.endedAt(), failure.getMessage());
        }
        Map<String, Double> last = model.lastMetrics() == null ? Map.of() : new LinkedHashMap<>(model.lastMetrics());
        long userSteps = (long) model.world().users().count() * model.roundsCompleted();
        RunResult result = new RunResult(runDir, end, wall, userSteps, totals[0], totals[1], last, model.phaseNanos(),
                peakHeap());
        if (failure != null) {
            throw new RunFailedException(result, failure);
        }
        return result;
    }

    /**
     * The manifest of a run of {@code loaded} about to start (status {@code running}, started now), as every
     * recorded run writes it (headless here, or interactive in the GUI).
     */
    public static RunManifest newManifest(LoadedScenario loaded, int threads) {
        return newManifest(loaded, threads, null);
    }

    /** As {@link #newManifest(LoadedScenario, int)}, for a replay of the run in {@code rerunOf} (null: none). */
    public static RunManifest newManifest(LoadedScenario loaded, int threads, String rerunOf) {
        Scenario scenario = loaded.scenario();
        return new RunManifest(scenario.name(), loaded.sourceName(), loaded.sha256(), loaded.text(),
                scenario.seed(), scenario.rounds(), 0, threads, RunManifest.currentVersion(),
                gitCommit(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), Instant.now().toString(), null, RunManifest.RUNNING,
                null, loaded.overrides(), loaded.resolvedYaml(), rerunOf);
    }

    /**
     * Opens the H2 run store in {@code runDir} with what the scenario's {@code store} section asks to record; its
     * database appears holding the schema and {@code manifest} as its run record, or not at all.
     */
    public static H2RunStore openStore(Path runDir, Scenario scenario, RunManifest manifest) {
        return openStore(runDir, scenario, manifest, true);
    }

    /**
     * As {@link #openStore(Path, Scenario, RunManifest)}; {@code background} says whether rows are inserted on a
     * writer thread while the next round plays, or on the caller's thread at each commit.
     */
    public static H2RunStore openStore(Path runDir, Scenario scenario, RunManifest manifest, boolean background) {
        return new H2RunStore(runDir, storeOptions(scenario.store()).withBackground(background), manifest);
    }

    private static Path createNamedRunDir(Path out, String name) {
        try {
            return Files.createDirectories(out.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + out.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** The git commit RecEco was built from, as the launcher passes it; null when unknown. */
    private static String gitCommit() {
        String c = System.getProperty("receco.gitCommit");
        return c == null || c.isBlank() ? null : c.trim();
    }

    static StoreOptions storeOptions(StoreSpec s) {
        return new StoreOptions(s.interactions(), s.impressions(),
                s.impressionSample(), s.snapshotEvery(), true, s.compact());
    }

    /**
     * Creates a new run directory {@code <out>/<name>-<recommender>-<yyyyMMdd-HHmmss>-s<seed>} (suffixed
     * {@code -2}, {@code -3}, ... when taken). The recommender is in the name because it is what runs of one
     * scenario most often differ by ({@code --set recommender.name=random}); it is left out when the scenario's
     * name already ends with it.
     */
    public static Path createRunDir(Path out, Scenario scenario) {
        try {
            Files.createDirectories(out);
            String base = runDirStem(scenario) + "-" + LocalDateTime.now().format(DIR_TIME) + "-s" + scenario.seed();
            Path dir = out.resolve(base);
            for (int k = 2; Files.exists(dir); k++) {
                dir = out.resolve(base + "-" + k);
            }
            return Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory in " + out + ": " + e.getMessage(), e);
        }
    }

    /** {@code <name>-<recommender>}, or the name alone when it already ends with the recommender's name. */
    static String runDirStem(Scenario scenario) {
        String name = sanitize(scenario.name());
        String rec = sanitize(scenario.recommender().name());
        return name.equals(rec) || name.endsWith("-" + rec) ? name : name + "-" + rec;
    }

    private static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isEmpty() ? "run" : s;
    }

    /** Peak heap in use since the JVM started (sum of the heap pools' peaks). */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Prints the end-of-run summary. */
    public static void printSummary(RunResult r, PrintStream out) {
        int rounds = r.manifest().roundsCompleted();
        out.printf("%s: %s after %d of %d rounds%n", r.manifest().scenarioName(), r.manifest().status(), rounds,
                r.manifest().roundsPlanned());
        if (r.runDir() != null) {
            out.printf("  run directory     %s%n", r.runDir());
        }
        out.printf("  wall time         %.2f s (%.2f rounds/s)%n", r.wallSeconds(), rounds / Math.max(1e-9, r.wallSeconds()));
        out.printf("  user-steps/s      %,.0f%n", r.userSteps() / Math.max(1e-9, r.wallSeconds()));
        out.printf("  clicks            %,d%n", r.clicks());
        out.printf("  likes             %,d (%.1f %% of clicks)%n", r.likes(),
                r.clicks() == 0 ? 0.0 : 100.0 * r.likes() / r.clicks());
        out.printf("  last round        exposure Gini %.4f | homogenisation (clicks) %.5f | mean interest shift %.4f%n",
                r.metric("gini.exposure.item"), r.metric("homogenisation.click"), r.metric("interest.shift"));
        if (r.runDir() != null) {
            try {
                AttackSummary.print(r.runDir(), out);
            } catch (java.sql.SQLException e) {
                out.printf("  attacks           not readable: %s%n", e.getMessage());
            }
        }
    }
}
