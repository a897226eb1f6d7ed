package org.receco.agents;

import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.util.Registry;

/**
 * The registries of every implementation scenario files can name. Adding a recommender, user model or author
 * model is one {@code register} line here.
 */
public final class Components {
    private Components() {
    }

    public static final Registry<RecommenderFactory<?>> RECOMMENDERS = new Registry<>("recommender");
    public static final Registry<ComponentFactory<?, UserChoiceModel>> USER_MODELS = new Registry<>("user model");
    public static final Registry<ComponentFactory<?, AuthorModel>> AUTHOR_MODELS = new Registry<>("author model");

    static {
        // Recommenders (agents/recommenders)
        // User models (agents/users)
        // Author models (agents/authors)
    }
}
