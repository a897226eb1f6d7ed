package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.receco.core.store.StoreOptions.ImpressionMode;

class StoreOptionsTest {
    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> new StoreOptions(true, null, 1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new StoreOptions(true, ImpressionMode.sampled, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new StoreOptions(true, ImpressionMode.sampled, 1.5, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new StoreOptions(true, ImpressionMode.off, 1, -1, false));
        new StoreOptions(true, ImpressionMode.off, 0, 0, false);
    }

    @Test
    void snapshotsAtZeroEveryNAndTheFinalRound() {
        StoreOptions o = StoreOptions.everything(5);
        assertTrue(o.snapshotAt(0, 12));
        assertTrue(o.snapshotAt(5, 12));
        assertTrue(o.snapshotAt(10, 12));
        assertTrue(o.snapshotAt(11, 12));
        assertFalse(o.snapshotAt(3, 12));
        assertFalse(StoreOptions.defaults().snapshotAt(0, 12));
    }
}
