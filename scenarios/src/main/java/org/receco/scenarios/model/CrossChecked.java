package org.receco.scenarios.model;

/**
 * A scenario section whose values must agree with other sections (an event's topic with {@code space.topics},
 * its author ids with {@code authors.count}). The loader checks every such section of a scenario, events
 * included, once the whole scenario is bound, so {@code validate} refuses what {@code run} would otherwise fail
 * on after it has started; a new event kind gets the same treatment by overriding {@link #check}.
 */
public interface CrossChecked {
    /** Reports to {@code problems} whatever in this section does not fit {@code scenario}; nothing by default. */
    default void check(Scenario scenario, Problems problems) {
    }
}
