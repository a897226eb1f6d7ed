package org.receco.core.world;

/**
 * Everything true about the world that a platform cannot observe: users' preferences, items' quality and
 * the utility a user gets from an item. Only components that are explicitly granted it receive this
 * (choice models, author models, the {@code oracle} upper bound, metrics); ordinary recommenders get an
 * {@link ItemCatalog}, a {@link FeedbackLog} and {@link ItemStats} only.
 */
public interface GroundTruth {
    UserStore users();

    ItemStore items();

    AuthorStore authors();

    LatentSpace space();

    UtilityFunction utility();
}
