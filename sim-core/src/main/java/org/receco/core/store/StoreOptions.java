package org.receco.core.store;

/**
 * What an {@link H2RunStore} records besides the always-recorded tables (manifest, rounds, users, authors,
 * items, metrics, events).
 *
 * @param interactions     record one {@code interactions} row per click
 * @param impressions      record slate positions shown: none, a deterministic sample of users, or all
 * @param impressionSample share of users whose slates are recorded when {@code impressions} is
 *                         {@link ImpressionMode#sampled}, in (0, 1]; a user is in the sample of a round by a
 *                         hash of (seed, round, user), so the same run records the same impressions
 * @param snapshotEvery    0 = no snapshots; otherwise user and live item vectors are recorded at round 0,
 *                         every {@code snapshotEvery} rounds and at the final planned round
 * @param background       insert on a writer thread while the simulation plays the next round. Still one
 *                         transaction per round, but {@link H2RunStore#commitRound} then only guarantees
 *                         that the <em>previous</em> round is committed; {@code finish} and {@code close}
 *                         wait for everything
 * @param compact          after a completed run, rewrite the file without the dead pages H2 leaves behind
 *                         large transactions ({@code SHUTDOWN COMPACT}; the default news run shrinks from
 *                         179 MB to 39 MB in about 4 s). Failed or interrupted runs are never compacted
 */
public record StoreOptions(boolean interactions, ImpressionMode impressions, double impressionSample,
                           int snapshotEvery, boolean background, boolean compact) {

    /** Options without compaction. */
    public StoreOptions(boolean interactions, ImpressionMode impressions, double impressionSample,
                        int snapshotEvery, boolean background) {
        this(interactions, impressions, impressionSample, snapshotEvery, background, false);
    }

    /** Which slate positions become {@code impressions} rows. */
    public enum ImpressionMode { off, sampled, full }

    public StoreOptions {
        if (impressions == null) {
            throw new IllegalArgumentException("impressions mode is required (off, sampled, full)");
        }
        if (impressions == ImpressionMode.sampled && !(impressionSample > 0 && impressionSample <= 1)) {
            throw new IllegalArgumentException("impressionSample must be in (0, 1] when impressions are sampled, got "
                    + impressionSample);
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be 0 (never) or positive, got " + snapshotEvery);
        }
    }

    /** Interactions on; no impressions, no snapshots; synchronous commits. */
    public static StoreOptions defaults() {
        return new StoreOptions(true, ImpressionMode.off, 1.0, 0, false);
    }

    /** Everything recorded: every click, every impression, snapshots every {@code snapshotEvery} rounds. */
    public static StoreOptions everything(int snapshotEvery) {
        return new StoreOptions(true, ImpressionMode.full, 1.0, snapshotEvery, false);
    }

    public StoreOptions withBackground(boolean on) {
        return new StoreOptions(interactions, impressions, impressionSample, snapshotEvery, on, compact);
    }

    /** Whether round {@code round} of a run of {@code rounds} planned rounds gets a snapshot. */
    public boolean snapshotAt(int round, int rounds) {
        return snapshotEvery > 0 && (round == 0 || round % snapshotEvery == 0 || round == rounds - 1);
    }
}
