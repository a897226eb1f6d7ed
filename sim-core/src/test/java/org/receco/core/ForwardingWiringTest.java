package org.receco.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class ForwardingWiringTest {

    /**
     * A default method of {@link Wiring} that the forwarder does not override would silently give the interface's
     * default instead of the delegate's answer (the GUI and studies wrap the scenario's wiring), e.g. a population
     * name recorded differently from a headless run.
     */
    @Test
    void everyWiringMethodIsForwarded() {
        for (Method m : Wiring.class.getMethods()) {
            assertDoesNotThrow(() -> ForwardingWiring.class.getDeclaredMethod(m.getName(), m.getParameterTypes()),
                    "ForwardingWiring does not forward " + m.getName());
        }
    }
}
