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

    /**
     * Users for the thread-count test: the kernel hands out users in chunks of 64 (RecEcoModel.USER_CHUNK),
     * so this gives each of 3 threads two chunks, plus a ragged last one.
     */
    private static final int MANY_USERS = 6 * 64 + 17;

    private String digestOf(long seed, int threads, StoreOptions o) throws SQLException {
        return digestOf(seed, threads, o, 60);
    }

    private String digestOf(long seed, int threads, StoreOptions o, int users) throws SQLException {
        Path dir = tmp.resolve("run" + runs++);
        try (H2RunStore store = new H2RunStore(dir, o)) {
            TinyWiring w = new TinyWiring(seed, 8, users, threads)
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
        String one = digestOf(42, 1, o, MANY_USERS);
        assertEquals(one, digestOf(42, 2, o, MANY_USERS), "1 vs 2 threads");
        assertEquals(one, digestOf(42, 3, o, MANY_USERS), "1 vs 3 threads");
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
