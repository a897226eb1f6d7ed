package org.receco.agents.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RatingsFitTest {
    @Test
    void predictsMeanPlusBiasesPlusTheFactorProduct() {
        RatingsFit f = new RatingsFit(2, 3.5, new float[] {1, 2, 0, 0}, new float[] {0.5f, -1, 2, 2},
                new float[] {0.25f, -0.5f}, new float[] {0.1f, 0.2f}, 0, 0);
        assertEquals(3.5 + 0.25 + 0.1 + (0.5 - 2), f.predict(0, 0), 1e-6);
        assertEquals(3.5 - 0.5 + 0.2, f.predict(1, 1), 1e-6);
        assertEquals(2, f.users());
        assertEquals(2, f.items());
    }
}
