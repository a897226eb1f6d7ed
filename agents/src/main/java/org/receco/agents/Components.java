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
        RECOMMENDERS.register(org.receco.agents.recommenders.RandomRecommender.NAME,
                org.receco.agents.recommenders.RandomRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.PopularRecommender.NAME,
                org.receco.agents.recommenders.PopularRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.ContentRecommender.NAME,
                org.receco.agents.recommenders.ContentRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.BprRecommender.NAME,
                org.receco.agents.recommenders.BprRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.OracleRecommender.NAME,
                org.receco.agents.recommenders.OracleRecommender.FACTORY);
        // "ideal" (Chaney et al.) is the oracle: ranking by true utility is the same maths.
        RECOMMENDERS.register("ideal", org.receco.agents.recommenders.OracleRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.ContentNnlsRecommender.NAME,
                org.receco.agents.recommenders.ContentNnlsRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.SocialRecommender.NAME,
                org.receco.agents.recommenders.SocialRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.MfRecommender.NAME,
                org.receco.agents.recommenders.MfRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.ItemKnnRecommender.NAME,
                org.receco.agents.recommenders.ItemKnnRecommender.FACTORY);
        RECOMMENDERS.register(org.receco.agents.recommenders.ContentReviewRecommender.NAME,
                org.receco.agents.recommenders.ContentReviewRecommender.FACTORY);
        // User models (agents/users)
        USER_MODELS.register("simuline", org.receco.agents.users.SimulineUserModel.FACTORY);
        USER_MODELS.register(org.receco.agents.users.UtilityWorldUserModel.NAME,
                org.receco.agents.users.UtilityWorldUserModel.FACTORY);
        USER_MODELS.register(org.receco.agents.users.RatingUserModel.NAME,
                org.receco.agents.users.RatingUserModel.FACTORY);
        USER_MODELS.register(org.receco.agents.users.llm.LlmUserModel.NAME,
                org.receco.agents.users.llm.LlmUserModel.FACTORY);
        // Author models (agents/authors)
        AUTHOR_MODELS.register("news", org.receco.agents.authors.NewsAuthorModel.FACTORY);
        AUTHOR_MODELS.register(org.receco.agents.authors.ItemSourceModel.NAME,
                org.receco.agents.authors.ItemSourceModel.FACTORY);
        AUTHOR_MODELS.register(org.receco.agents.authors.StaticCatalogueModel.NAME,
                org.receco.agents.authors.StaticCatalogueModel.FACTORY);
    }
}
