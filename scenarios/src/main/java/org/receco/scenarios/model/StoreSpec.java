package org.receco.scenarios.model;

import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.store.StoreOptions.ImpressionMode;

/**
 * What the H2 run database records beyond metrics, items, users and authors: the scenario file's side of the
 * store's {@code StoreOptions} (whose {@code ImpressionMode} it names directly, so the two cannot drift).
 */
public record StoreSpec(
        @Doc("Record every click (round, user, item, position, liked).") boolean interactions,
        @Doc("Record slates shown: off, sampled (a share of users each round) or full.") ImpressionMode impressions,
        @Doc("Share of users whose slates are recorded when impressions = sampled.")
        @Range(min = 0, max = 1) double impressionSample,
        @Doc("Record users' and live items' latent vectors every N rounds (0 = never; the first and last round are always recorded when N > 0).")
        @Range(min = 0) int snapshotEvery,
        @Doc("After a completed run, compact the database file (H2 leaves dead pages behind large transactions; the default run shrinks about 4x, taking a few seconds).")
        boolean compact) {
}
