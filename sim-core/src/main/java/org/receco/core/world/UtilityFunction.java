package org.receco.core.world;

import org.receco.core.round.WorkerScratch;

/**
 * A user's true utility for an item, as defined by the user model in force. Ground truth: used by the choice
 * model, by the {@code oracle} recommender and by utility metrics. Must be thread-safe and allocation-free.
 */
@FunctionalInterface
public interface UtilityFunction {
    float utility(int user, int item);

    /**
     * Utility of every live item (in live order) for users {@code [fromUser, toUser)}: writes user {@code u}'s
     * utility of live item {@code j} to {@code out[outOff + (u - fromUser) * stride + j]}. The default calls
     * {@link #utility} per pair; models override it with a blocked kernel. Scratch slots from
     * {@link WorkerScratch#FIRST_FREE} + 4 up are reserved for this method.
     */
    default void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                               WorkerScratch scratch) {
        int n = live.liveCount();
        for (int u = fromUser; u < toUser; u++) {
            int off = outOff + (u - fromUser) * stride;
            for (int j = 0; j < n; j++) {
                out[off + j] = utility(u, live.liveItem(j));
            }
        }
    }
}
