package org.receco.gui;

import java.nio.file.Path;
import java.time.Instant;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.store.H2RunStore;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.run.Runner;

/**
 * The record of one GUI run, made exactly as {@code receco run} makes it ({@link Runner}'s run directory,
 * manifest and H2 run store), so a run explored in the GUI can be reported like a headless one. The manifest
 * says {@code running} until {@link #close}, which writes {@code completed} when every planned round was
 * played, {@code failed} after an error, and {@value #STOPPED} when the user stopped the run early.
 */
final class RunRecording {
    /** Manifest status of a GUI run stopped before its last round. */
    static final String STOPPED = "stopped";

    private final Path runDir;
    private final H2RunStore store;
    private final RunManifest manifest;
    private boolean closed;

    private RunRecording(Path runDir, H2RunStore store, RunManifest manifest) {
        this.runDir = runDir;
        this.store = store;
        this.manifest = manifest;
    }

    /** Creates a run directory under {@code out}, writes the manifest, opens the store and attaches it to {@code model}. */
    static RunRecording attach(RecEcoModel model, LoadedScenario loaded, Path out, int threads) {
        RunManifest manifest = Runner.newManifest(loaded, threads);
        Path dir = Runner.createRunDir(out, loaded.scenario());
        manifest.write(dir.resolve("manifest.json"));
        H2RunStore store = Runner.openStore(dir, loaded.scenario(), manifest);
        model.setSink(store, manifest);
        return new RunRecording(dir, store, manifest);
    }

    Path runDir() {
        return runDir;
    }

    /**
     * The JVM is going down (Ctrl-C) with the run still open: says so in the manifest, as {@code receco run}
     * does; the rounds already committed stay readable.
     */
    synchronized void interrupted(RecEcoModel model) {
        if (!closed) {
            manifest.withProgress(model.roundsCompleted())
                    .ended("interrupted", Instant.now().toString(), "interrupted by signal")
                    .write(runDir.resolve("manifest.json"));
        }
    }

    /** Writes the outcome to the store and the manifest and closes the store; later calls do nothing. */
    synchronized RunManifest close(RecEcoModel model, String error) {
        if (closed) {
            return null;
        }
        closed = true;
        int done = model.roundsCompleted();
        String status = error != null ? RunManifest.FAILED
                : done >= manifest.roundsPlanned() ? RunManifest.COMPLETED : STOPPED;
        RunManifest end = manifest.withProgress(done).ended(status, Instant.now().toString(),
                error != null ? error : STOPPED.equals(status) ? "stopped in the GUI" : null);
        try {
            store.finish(end);
        } finally {
            store.close();
            end.write(runDir.resolve("manifest.json"));
        }
        return end;
    }
}
