package org.receco.scenarios.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A one-off event at a round; {@code type} selects the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BreakingNewsSpec.class, name = "breaking-news"),
        @JsonSubTypes.Type(value = SwitchRecommenderSpec.class, name = "switch-recommender")})
public sealed interface EventSpec permits BreakingNewsSpec, SwitchRecommenderSpec {
    int round();

    String type();
}
