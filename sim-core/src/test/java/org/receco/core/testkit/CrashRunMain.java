package org.receco.core.testkit;

import java.nio.file.Path;
import java.util.List;
import org.receco.core.RecEcoModel;
import org.receco.core.store.H2RunStore;
import org.receco.core.store.StoreOptions;

/**
 * Subprocess fixture for crash tests: plays a practically endless {@link TinyWiring} run (2,000 users, all
 * impressions, snapshots every 5 rounds) into {@code args[0]}, printing {@code committed <round>} after each
 * commit, until it is killed. {@code args[1]}: {@code true} for the background writer; {@code args[2]}, if
 * {@code notes}: with a component's declared table ({@link NotesObserver}).
 */
public final class CrashRunMain {
    private CrashRunMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        boolean background = Boolean.parseBoolean(args[1]);
        TinyWiring w = new TinyWiring(2024, 1_000_000, 2000, 1);
        if (args.length > 2 && args[2].equals("notes")) {
            w.withObservers(() -> List.of(new NotesObserver()));
        }
        H2RunStore store = new H2RunStore(dir, StoreOptions.everything(5).withBackground(background));
        RecEcoModel model = new RecEcoModel(w);
        model.setSink(store, TinyRun.manifest(w));
        model.addRoundListener((m, r) -> {
            System.out.println("committed " + r);
            System.out.flush();
        });
        model.start();
        model.runToEnd();
    }
}
