package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;

/** Compaction rewrites a completed run's file smaller without changing a single row. */
class StoreCompactionTest {
    @TempDir
    Path tmp;

    private Path run(String name, boolean compact) {
        Path dir = tmp.resolve(name);
        StoreOptions o = StoreOptions.everything(2);
        try (H2RunStore store = new H2RunStore(dir, new StoreOptions(o.interactions(), o.impressions(),
                o.impressionSample(), o.snapshotEvery(), false, compact))) {
            TinyRun.run(new TinyWiring(7, 12, 300, 1), store);
        }
        return dir;
    }

    @Test
    void compactedDatabaseIsSmallerAndHoldsTheSameRows() throws Exception {
        Path plain = run("plain", false);
        Path compacted = run("compacted", true);
        assertEquals(RunDatabase.digest(plain), RunDatabase.digest(compacted));
        long before = Files.size(RunDatabase.file(plain));
        long after = Files.size(RunDatabase.file(compacted));
        assertTrue(after < before, "compacted " + after + " bytes, plain " + before);
    }
}
