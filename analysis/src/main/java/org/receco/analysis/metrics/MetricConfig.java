package org.receco.analysis.metrics;

import java.util.List;
import java.util.Map;

/**
 * Parameters of the metrics (the scenario's {@code metrics} section, minus the selection of names).
 *
 * @param homogenisationPairs user pairs sampled once for Jaccard homogenisation
 * @param k                   rank cut-off for the accuracy metrics and group NDCG
 * @param authorGroupTopics   topics whose authors form author group 1 (the rest form group 2)
 * @param userGroupTopics     topics of origin whose users form user group 1 (the rest form group 2)
 * @param topicWindow         rounds of clicks a user's topic profile covers
 * @param mseUsers            users sampled by {@code mse} (the first ones; users are exchangeable)
 * @param nicheShare          share of users, farthest from the mean initial taste, forming the niche group of
 *                            the {@code *.niche} / {@code *.mainstream} metrics
 */
public record MetricConfig(int homogenisationPairs, int k, List<Integer> authorGroupTopics,
                           List<Integer> userGroupTopics, int topicWindow, int mseUsers, double nicheShare) {
    /** The numeric options, by the names scenario and study files use ({@link #with}). */
    public static final List<String> NUMBER_OPTIONS = List.of("homogenisationPairs", "k", "mseUsers", "nicheShare",
            "topicWindow");

    public MetricConfig {
        if (homogenisationPairs < 1 || k < 1 || topicWindow < 1 || mseUsers < 1) {
            throw new IllegalArgumentException("homogenisationPairs, k, topicWindow and mseUsers must be positive");
        }
        if (!(nicheShare > 0 && nicheShare < 1)) {
            throw new IllegalArgumentException("nicheShare must be in (0, 1), got " + nicheShare);
        }
        authorGroupTopics = List.copyOf(authorGroupTopics);
        userGroupTopics = List.copyOf(userGroupTopics);
    }

    /** The options other than {@code mseUsers} (1000) and {@code nicheShare} (0.3). */
    public MetricConfig(int homogenisationPairs, int k, List<Integer> authorGroupTopics, List<Integer> userGroupTopics,
                        int topicWindow) {
        this(homogenisationPairs, k, authorGroupTopics, userGroupTopics, topicWindow, 1000, 0.3);
    }

    public static MetricConfig defaults() {
        return new MetricConfig(2000, 10, List.of(0), List.of(0), 5);
    }

    /** A copy with the numeric options in {@code options} ({@link #NUMBER_OPTIONS}) set; others are an error. */
    public MetricConfig with(Map<String, Double> options) {
        int pairs = homogenisationPairs;
        int cutOff = k;
        int window = topicWindow;
        int mse = mseUsers;
        double niche = nicheShare;
        for (Map.Entry<String, Double> e : options.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case "homogenisationPairs" -> pairs = (int) v;
                case "k" -> cutOff = (int) v;
                case "topicWindow" -> window = (int) v;
                case "mseUsers" -> mse = (int) v;
                case "nicheShare" -> niche = v;
                default -> throw new IllegalArgumentException("unknown metric option '" + e.getKey() + "'; known: "
                        + String.join(", ", NUMBER_OPTIONS));
            }
        }
        return new MetricConfig(pairs, cutOff, authorGroupTopics, userGroupTopics, window, mse, niche);
    }

    boolean authorInGroup1(int topic) {
        return authorGroupTopics.contains(topic);
    }

    boolean userInGroup1(int topic) {
        return userGroupTopics.contains(topic);
    }
}
