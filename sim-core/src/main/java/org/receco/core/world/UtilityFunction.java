package org.receco.core.world;

/**
 * A user's true utility for an item, as defined by the user model in force. Ground truth: used by the choice
 * model, by the {@code oracle} recommender and by utility metrics. Must be thread-safe and allocation-free.
 */
@FunctionalInterface
public interface UtilityFunction {
    float utility(int user, int item);
}
