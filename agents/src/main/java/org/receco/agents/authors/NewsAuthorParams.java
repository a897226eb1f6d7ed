package org.receco.agents.authors;

import org.receco.agents.Normal;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of SimuLine's author (creator) model (Zhang et al., TCSS 2024): each round an author picks one
 * of its recent items with probability softmax(concentration * likes) and writes a new one near it.
 */
public record NewsAuthorParams(
        @Doc("New items each author publishes per round.")
        @Range(min = 0, max = 10000) int itemsPerRound,
        @Doc("Per-author concentration: sharpens the choice of which recent item to write near, and scales the spread of the new one.")
        Normal concentration,
        @Doc("Spread delta_author: a new item is drawn from N(picked item's vector, (concentration * delta_author)^2 I).")
        @Range(min = 0) double itemSpread,
        @Doc("Rounds of likes that count as an author's recent likes (quality = ln(1 + recent likes)).")
        @Range(min = 1, max = 1000) int recentRounds) {

    public NewsAuthorParams {
        if (concentration == null) {
            throw new IllegalArgumentException("concentration is required");
        }
        Bounds.check(NewsAuthorParams.class, "", itemsPerRound, concentration, itemSpread, recentRounds);
    }

    public static NewsAuthorParams defaults() {
        return new NewsAuthorParams(5, Normal.unit(0.5, 0.1), 1.0, 5);
    }
}
