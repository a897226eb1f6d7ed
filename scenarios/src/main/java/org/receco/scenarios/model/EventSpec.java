package org.receco.scenarios.model;

import org.receco.core.spi.ScenarioEvent;

/**
 * A one-off event at a round, as a scenario writes it: a record whose {@code type} key names its kind in
 * {@link EventKinds}. A new kind is one record implementing this interface plus one register line there;
 * it overrides {@link #check} when its values must fit the rest of the scenario.
 */
public interface EventSpec extends CrossChecked {
    int round();

    /** The kind's registered name, the {@code type} key written in scenario files. */
    default String type() {
        return EventKinds.nameOf(getClass());
    }

    /** The kernel event this spec describes, made with what the wiring offers events. */
    ScenarioEvent create(EventContext context);

    /** What this event adds to the run's size (users, clicks, items, factors); nothing by default. */
    default EventFootprint footprint() {
        return EventFootprint.NONE;
    }

    /** As {@link #footprint()}, for an event whose size follows the scenario's (an attack's share of users). */
    default EventFootprint footprint(Scenario scenario) {
        return footprint();
    }

    /**
     * Whether this event would change nothing (an attack with no fake accounts): the wiring then leaves it out
     * entirely, no event row included, so the run equals the same scenario without it.
     */
    default boolean inert() {
        return false;
    }
}
