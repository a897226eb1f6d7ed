package org.receco.scenarios.model;

import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** Item life cycle. */
public record ItemsSpec(
        @Doc("Rounds an item stays recommendable after publication (SimuLine: 5); 0 = forever.")
        @Range(min = 0, max = 1000000) int lifetime) {
}
