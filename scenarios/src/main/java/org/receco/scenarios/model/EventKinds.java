package org.receco.scenarios.model;

import org.receco.core.util.Registry;

/**
 * The event kinds a scenario's {@code events} list may name in its {@code type} key, each a record implementing
 * {@link EventSpec}. The loader validates an event against its record, the schema lists every kind and the
 * wiring asks the spec for its kernel event, so registering here is all a new kind needs (per-kind defaults
 * may go in {@code event-defaults.yaml}). Shilling attacks ({@code attack}) inject their fake-user populations
 * this way.
 */
public final class EventKinds {
    private static final Registry<Class<? extends EventSpec>> KINDS = new Registry<Class<? extends EventSpec>>("event")
            .register("breaking-news", BreakingNewsSpec.class)
            .register("switch-recommender", SwitchRecommenderSpec.class)
            .register("add-population", AddPopulationSpec.class)
            .register("attack", AttackSpec.class);

    private EventKinds() {
    }

    /** Event records by type name, in registration order. */
    public static Registry<Class<? extends EventSpec>> registry() {
        return KINDS;
    }

    /** The type name {@code kind} is registered under. */
    public static String nameOf(Class<?> kind) {
        for (var e : KINDS.entries().entrySet()) {
            if (e.getValue().equals(kind)) {
                return e.getKey();
            }
        }
        throw new IllegalStateException(kind.getName() + " is not a registered event kind (known: "
                + String.join(", ", KINDS.names()) + ")");
    }
}
