package org.receco.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserStoreTest {

    @Test
    void keepsInitialAndPreviousPreferencesApartFromCurrent() {
        UserStore s = new UserStore(2, 1);
        for (int u = 0; u < 5; u++) {
            assertEquals(u, s.add(new float[] {u, 0}, 0, u % 2, 0, 3));
        }
        s.prefs()[2 * 4] = 9f; // user 4 moves
        assertEquals(4f, s.previousPrefs()[8]);
        assertEquals(4f, s.initialPrefs()[8]);
        s.snapshotPrevious();
        assertEquals(9f, s.previousPrefs()[8]);
        assertEquals(4f, s.initialPrefs()[8]);
        assertEquals(3, s.joinedRound(4));
        assertEquals(1, s.topic(3));
    }
}
