package org.receco.scenarios.run;

import java.nio.file.Path;
import java.util.Map;
import org.receco.core.RunManifest;

/**
 * What a finished (or failed) run reports.
 *
 * @param runDir       the run directory (holding run.mv.db and manifest.json), or null for a run without a store
 * @param manifest     the final manifest
 * @param wallSeconds  wall time of the simulation, from model start to finish
 * @param userSteps    users × rounds played
 * @param clicks       total clicks
 * @param likes        total likes
 * @param lastMetrics  metrics of the last completed round
 * @param phaseNanos   wall time per phase (indexed by Phase ordinal)
 * @param peakHeapBytes peak heap in use (sum of the heap pools' peaks)
 */
public record RunResult(Path runDir, RunManifest manifest, double wallSeconds, long userSteps, long clicks, long likes,
                        Map<String, Double> lastMetrics, long[] phaseNanos, long peakHeapBytes) {

    public boolean completed() {
        return RunManifest.COMPLETED.equals(manifest.status());
    }

    public double metric(String name) {
        Double v = lastMetrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
