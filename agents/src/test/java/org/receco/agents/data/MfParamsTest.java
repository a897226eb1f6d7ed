package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MfParamsTest {
    @Test
    void boundsAreChecked() {
        assertDoesNotThrow(() -> new MfParams(16, 20, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new MfParams(0, 20, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new MfParams(16, 0, 0.05, 1));
        assertThrows(IllegalArgumentException.class, () -> new MfParams(16, 20, -1, 1));
    }
}
