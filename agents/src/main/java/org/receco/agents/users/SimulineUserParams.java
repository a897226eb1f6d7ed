package org.receco.agents.users;

import org.receco.agents.Normal;
import org.receco.core.config.Bounds;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * Parameters of SimuLine's user model (Zhang et al., "Simulating News Recommendation Ecosystems", TCSS 2024);
 * defaults are the released code's.
 */
public record SimulineUserParams(
        @Doc("Clicks per user per round, drawn without replacement from softmax(concentration * cosine).")
        @Range(min = 0, max = 1000) int clicksPerRound,
        @Doc("Per-user like threshold: a click is liked when qualityWeight*quality/bestQuality + (1-qualityWeight)*cosine exceeds it.")
        Normal likeThreshold,
        @Doc("Per-user weight of item quality (w_q) in the like rule; w_m = 1 - w_q.")
        Normal qualityWeight,
        @Doc("Per-user concentration of the click softmax over cosine similarity.")
        Normal concentration,
        @Doc("Interest-shift step delta toward liked and away from disliked clicked items.")
        @Range(min = 0, max = 1) double interestStep,
        @Doc("Best attainable quality, ln(1 + 5e4) in SimuLine; quality is divided by it in the like rule.")
        @Range(min = 1e-9) double bestQuality) {

    public SimulineUserParams {
        if (likeThreshold == null || qualityWeight == null || concentration == null) {
            throw new IllegalArgumentException("likeThreshold, qualityWeight and concentration are required");
        }
        Bounds.check(SimulineUserParams.class, "", clicksPerRound, likeThreshold, qualityWeight, concentration,
                interestStep, bestQuality);
    }

    public static SimulineUserParams defaults() {
        return new SimulineUserParams(10, Normal.unit(0.3, 0.1), Normal.unit(0.5, 0.1), Normal.unit(0.5, 0.1),
                0.1, Math.log(5e4 + 1));
    }
}
