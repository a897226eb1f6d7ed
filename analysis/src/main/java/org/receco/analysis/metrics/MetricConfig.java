package org.receco.analysis.metrics;

import java.util.List;

/**
 * Parameters of the metrics (the scenario's {@code metrics} section, minus the selection of names).
 *
 * @param homogenisationPairs user pairs sampled once for Jaccard homogenisation
 * @param k                   rank cut-off for the accuracy metrics and group NDCG
 * @param authorGroupTopics   topics whose authors form author group 1 (the rest form group 2)
 * @param userGroupTopics     topics of origin whose users form user group 1 (the rest form group 2)
 * @param topicWindow         rounds of clicks a user's topic profile covers
 */
public record MetricConfig(int homogenisationPairs, int k, List<Integer> authorGroupTopics,
                           List<Integer> userGroupTopics, int topicWindow) {
    public MetricConfig {
        if (homogenisationPairs < 1 || k < 1 || topicWindow < 1) {
            throw new IllegalArgumentException("homogenisationPairs, k and topicWindow must be positive");
        }
        authorGroupTopics = List.copyOf(authorGroupTopics);
        userGroupTopics = List.copyOf(userGroupTopics);
    }

    public static MetricConfig defaults() {
        return new MetricConfig(2000, 10, List.of(0), List.of(0), 5);
    }

    boolean authorInGroup1(int topic) {
        return authorGroupTopics.contains(topic);
    }

    boolean userInGroup1(int topic) {
        return userGroupTopics.contains(topic);
    }
}
