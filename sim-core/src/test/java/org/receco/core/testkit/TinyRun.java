package org.receco.core.testkit;

import java.nio.file.Path;
import java.time.Instant;
import org.receco.core.RecEcoModel;
import org.receco.core.RunManifest;
import org.receco.core.spi.RunSink;

/** Runs a {@link TinyWiring} into a sink from start to finish and reports what the model did. */
public final class TinyRun {
    /** What the model did: totals over all rounds, and the world at the end. */
    public record Result(long clicks, long exposures, int users, int authors, int items, int rounds) {
    }

    private TinyRun() {
    }

    public static RunManifest manifest(TinyWiring w) {
        return new RunManifest(w.name(), null, "0".repeat(64), "tiny scenario", w.config().seed(),
                w.config().rounds(), 0, w.config().threads(), RunManifest.currentVersion(), null,
                System.getProperty("java.version"), Instant.now().toString(), null, RunManifest.RUNNING, null);
    }

    /** Plays every round of {@code w} into {@code sink}, finishes it as completed; the caller closes the sink. */
    public static Result run(TinyWiring w, RunSink sink) {
        RecEcoModel model = new RecEcoModel(w);
        RunManifest m = manifest(w);
        model.setSink(sink, m);
        long[] totals = new long[2];
        model.addRoundListener((mod, r) -> {
            totals[0] += mod.counters().clicks;
            totals[1] += mod.counters().exposures;
        });
        model.start();
        model.runToEnd();
        sink.finish(m.withProgress(model.roundsCompleted()).ended(RunManifest.COMPLETED, Instant.now().toString(),
                null));
        Result res = new Result(totals[0], totals[1], model.world().users().count(), model.world().authors().count(),
                model.world().items().count(), model.roundsCompleted());
        model.finish();
        return res;
    }

    /** The run directory's database file. */
    public static Path database(Path runDir) {
        return runDir.resolve("run.mv.db");
    }
}
