package org.receco.agents.authors;

import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of the {@code item-source} author model: authors are plain item sources whose items' attributes
 * are Dirichlet around the author's vector (Chaney, Stewart &amp; Engelhardt, RecSys 2018; T-RECS).
 */
public record ItemSourceParams(
        @Doc("Items each author publishes at round 0 before the per-round batch (T-RECS's fixed catalogue: all items at the start).")
        @Range(min = 0, max = 100000000) int initialItems,
        @Doc("Items each author publishes every round (Chaney: 10 new items per step).")
        @Range(min = 0, max = 1000000) int itemsPerRound,
        @Doc("Total Dirichlet concentration of an item around its author's vector v_a: beta_i ~ Dir(concentration * v_a) (Chaney: 0.1 with v_a ~ Dir(100); T-RECS's symmetric Dir(0.5) over 20 attributes: 10 with uniform v_a).")
        @Range(min = 1e-9, max = 1e9) double concentration) {

    public ItemSourceParams {
        Bounds.check(ItemSourceParams.class, "", initialItems, itemsPerRound, concentration);
    }

    public static ItemSourceParams defaults() {
        return new ItemSourceParams(0, 10, 0.1);
    }
}
