package org.receco.analysis.data;

/**
 * A kind of per-round input a metric reads from {@link RoundData}. Live runs always have every kind; a finished
 * run's database has a kind for a round only if the scenario's {@code store} section recorded it.
 */
public enum Need {
    /** Every user's slate, in rank order. Offline: {@code store.impressions: full}. */
    SLATES("every user's slate (store.impressions: full)"),
    /** Every click with position, like and realised utility. Offline: {@code store.interactions: true}. */
    CLICKS("every click (store.interactions: true)"),
    /** True user vectors after this round's interest shift. Offline: a snapshot at this round. */
    USER_VECTORS("user vectors at this round (store.snapshotEvery: 1)"),
    /** User vectors one round earlier. Offline: a snapshot at the previous round (none before round 0). */
    PREVIOUS_USER_VECTORS("user vectors at the previous round (store.snapshotEvery: 1; never for round 0)"),
    /** User vectors when each user joined. Not in the run database: live only. */
    INITIAL_USER_VECTORS("user vectors at join (not recorded in the run database: live only)"),
    /** Vectors of the live items. Offline: a snapshot at this round. */
    ITEM_VECTORS("live item vectors at this round (store.snapshotEvery: 1)");

    private final String description;

    Need(String description) {
        this.description = description;
    }

    /** What is needed and which store setting provides it. */
    public String description() {
        return description;
    }
}
