package org.receco.scenarios.study;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.receco.analysis.metrics.ConsumptionHistory;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.core.Phase;
import org.receco.core.RecEcoModel;
import org.receco.core.rng.RandomStreams;
import org.receco.scenarios.ComponentCatalog;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.Origin;
import org.receco.scenarios.OverrideProblems;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.ScenarioLoader;
import org.receco.scenarios.run.MemoryEstimate;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * Runs a study: every arm for every replicate, each run one independent single-threaded model, the runs
 * spread over {@code threads} workers. Replicate r of every arm uses seed {@link #replicateSeed}, derived
 * from the study seed, so arms are compared on the same worlds (common random numbers) and the thread count
 * changes only the speed. Nothing is written to a run database.
 */
public final class StudyRunner {
    private StudyRunner() {
    }

    /** Seed of replicate {@code r} of a study with seed {@code studySeed}. */
    public static long replicateSeed(long studySeed, int r) {
        return new RandomStreams(studySeed).streamSeed("study.replicate." + r) & Long.MAX_VALUE;
    }

    /**
     * Loads every arm's scenario with {@code seed} (validated), without running anything. A problem with an
     * override is reported where the override was written (the study file's {@code set:} or arm); every arm's
     * problems are reported together.
     *
     * @throws ScenarioException with every problem of every arm
     */
    public static Map<String, LoadedScenario> load(StudyDefinition def, ComponentCatalog catalog, long seed) {
        ScenarioLoader loader = new ScenarioLoader(catalog);
        Map<String, LoadedScenario> out = new LinkedHashMap<>();
        OverrideProblems problems = new OverrideProblems();
        for (String arm : def.arms().keySet()) {
            List<String> sets = new ArrayList<>();
            Map<String, Origin> written = new HashMap<>();
            for (StudyDefinition.Setting s : def.overrides(arm)) {
                sets.add(s.assignment());
                written.put(s.assignment(), s.origin());
            }
            sets.add("seed=" + seed);
            try {
                LoadedScenario loaded = def.inline() == null ? loader.load(def.scenarioSource(), def.scenarioText(), sets)
                        : loader.load(def.scenarioSource(), def.scenarioText(), def.inline(), sets);
                MemoryEstimate.of(loaded.scenario()).requireFits(def.file() + " arm " + arm, MemoryEstimate.heap());
                out.put(arm, loaded);
            } catch (ScenarioException e) {
                problems.add(e.problems(), written);
            }
        }
        problems.throwIfAny(def.file().toString());
        return out;
    }

    /**
     * Runs the study on {@code threads} workers (0 = all cores); progress lines go to {@code log} (null: none).
     * {@code phaseNanos}, when not null, receives the summed time per kernel phase of all runs.
     *
     * @throws ScenarioException when an arm is invalid for any replicate: every arm of every replicate is loaded
     *                           before anything runs
     */
    public static StudyResult run(StudyDefinition def, ComponentCatalog catalog, int threads, PrintStream log,
                                  long[] phaseNanos) {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int reps = def.replicates();
        long[] seeds = new long[reps];
        List<Map<String, LoadedScenario>> loaded = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            seeds[r] = replicateSeed(def.seed(), r);
            loaded.add(load(def, catalog, seeds[r]));
        }
        int rounds = loaded.get(0).values().iterator().next().scenario().rounds();
        StudyResult result = new StudyResult(def, rounds, seeds);
        List<String> arms = List.copyOf(def.arms().keySet());
        int tasks = arms.size() * reps;
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        long[] phases = new long[Phase.values().length];
        // Fewer runs than workers (a benchmark, say): the spare cores go to each run's own parallel phases.
        int inner = tasks >= workers ? 1 : workers / tasks;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, tasks), r -> {
            Thread t = new Thread(r, "receco-study");
            t.setDaemon(true);
            return t;
        });
        // homogenisation.similar (any metric needing the baseline) compares each arm with the baseline arm's run of the same replicate, so the
        // baseline runs first (all replicates), recording its consumption; then the other arms.
        boolean paired = def.baseline() != null && MetricCatalog.needsBaseline(def.metrics());
        ConsumptionHistory[] histories = new ConsumptionHistory[reps];
        if (paired) {
            for (int r = 0; r < reps; r++) {
                histories[r] = new ConsumptionHistory();
            }
        }
        List<List<String>> waves = paired
                ? List.of(List.of(def.baseline()), arms.stream().filter(a -> !a.equals(def.baseline())).toList())
                : List.of(arms);
        try {
            for (List<String> wave : waves) {
                List<Future<?>> futures = new ArrayList<>();
                // Replicate-major order: the first replicates of all arms finish first.
                for (int r = 0; r < reps; r++) {
                    for (String arm : wave) {
                        int rep = r;
                        LoadedScenario scenario = loaded.get(r).get(arm);
                        ConsumptionHistory base = histories[r];
                        ConsumptionHistory record = arm.equals(def.baseline()) ? base : null;
                        futures.add(pool.submit(() -> {
                            long[] p = runOne(def, scenario, arm, rep, result, inner, base, record);
                            synchronized (phases) {
                                for (int k = 0; k < p.length; k++) {
                                    phases[k] += p[k];
                                }
                            }
                            int n = done.incrementAndGet();
                            if (log != null) {
                                synchronized (log) {
                                    log.printf("  [%d/%d] %s replicate %d (seed %d) done, %.1f s%n", n, tasks, arm,
                                            rep, seeds[rep], (System.nanoTime() - t0) / 1e9);
                                }
                            }
                        }));
                    }
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable c = e.getCause();
                        throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        result.setWallSeconds((System.nanoTime() - t0) / 1e9);
        if (phaseNanos != null) {
            System.arraycopy(phases, 0, phaseNanos, 0, Math.min(phases.length, phaseNanos.length));
        }
        return result;
    }

    private static long[] runOne(StudyDefinition def, LoadedScenario scenario, String arm, int rep,
                                 StudyResult result, int threads, ConsumptionHistory baseline,
                                 ConsumptionHistory record) {
        StudyWiring wiring = new StudyWiring(new ScenarioWiring(scenario.scenario()), def.metrics(), def, baseline,
                record);
        RecEcoModel model = new RecEcoModel(wiring);
        model.setThreads(threads);
        model.addRoundListener((m, round) -> result.record(arm, rep, round, m.lastMetrics()));
        try {
            model.start();
            model.runToEnd();
        } finally {
            model.finish();
        }
        return model.phaseNanos();
    }
}
