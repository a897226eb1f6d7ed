package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.testkit.TinyRun;
import org.receco.core.testkit.TinyWiring;
import org.receco.core.testkit.UsersJoin;

class StoreDeterminismTest {
    @TempDir
    Path tmp;

    private int runs;

    private String digestOf(long seed, int threads, StoreOptions o) throws SQLException {
        Path dir = tmp.resolve("run" + runs++);
        try (H2RunStore store = new H2RunStore(dir, o)) {
            TinyWiring w = new TinyWiring(seed, 8, 60, threads)
                    .withEvent(new UsersJoin(3, 10));
            TinyRun.run(w, store);
        }
        return RunDatabase.digest(dir);
    }

    @Test
    void sameSeedSameDigest() throws SQLException {
        StoreOptions o = StoreOptions.everything(3);
        assertEquals(digestOf(42, 1, o), digestOf(42, 1, o));
    }

    @Test
    void differentSeedDifferentDigest() throws SQLException {
        StoreOptions o = StoreOptions.everything(3);
        assertNotEquals(digestOf(42, 1, o), digestOf(43, 1, o));
    }

    @Test
    void threadCountDoesNotChangeTheDigest() throws SQLException {
        StoreOptions o = StoreOptions.everything(3);
        assertEquals(digestOf(42, 1, o), digestOf(42, 2, o));
    }

    @Test
    void backgroundWriterRecordsTheSameRun() throws SQLException {
        StoreOptions o = StoreOptions.everything(3);
        assertEquals(digestOf(42, 1, o), digestOf(42, 2, o.withBackground(true)));
    }

    @Test
    void whatIsRecordedChangesTheDigest() throws SQLException {
        assertNotEquals(digestOf(42, 1, StoreOptions.everything(3)), digestOf(42, 1, StoreOptions.defaults()));
    }
}
