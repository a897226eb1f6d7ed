package org.receco.scenarios.model;

import java.util.List;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricConfig;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** Which metrics are computed every round, and their options. */
public record MetricsSpec(
        @Doc("Metrics to compute every round, by name (`receco metrics` lists them); [] = every metric computed "
                + "from the round's data (live and offline).")
        List<String> names,
        @Doc("User pairs sampled (once per run) for Jaccard homogenisation.") @Range(min = 1, max = 10000000)
        int homogenisationPairs,
        @Doc("Rank cut-off k of the accuracy metrics (precision, recall, NDCG, MRR, HR @k).") @Range(min = 1, max = 100000)
        int k,
        @Doc("Topics whose authors form author group 1 for the author-fairness metrics (the rest form group 2).")
        List<Integer> authorGroupTopics,
        @Doc("Topics of origin whose users form user group 1 for the user-group gaps (the rest form group 2).")
        List<Integer> userGroupTopics,
        @Doc("Rounds of clicks a user's topic profile covers (topic entropy, top-1 share).") @Range(min = 1, max = 10000)
        int topicWindow,
        @Doc("Users sampled (the first ones) by `mse`.") @Range(min = 1, max = 100000000)
        int mseUsers,
        @Doc("Share of users, farthest from the mean initial taste, forming the niche group of the `*.niche` / "
                + "`*.mainstream` metrics.") @Range(min = 0.001, max = 0.999)
        double nicheShare,
        @Doc("Populations whose users the metrics cover, by name (users.populations, add-population events); "
                + "[] = every user.") List<String> populations) {

    public MetricsSpec {
        names = names == null ? List.of() : List.copyOf(names);
        authorGroupTopics = authorGroupTopics == null ? List.of() : List.copyOf(authorGroupTopics);
        userGroupTopics = userGroupTopics == null ? List.of() : List.copyOf(userGroupTopics);
        populations = populations == null ? List.of() : List.copyOf(populations);
        for (String n : names) {
            if (MetricCatalog.registry().find(n).isEmpty()) {
                throw new IllegalArgumentException("unknown metric '" + n + "'; known: "
                        + String.join(", ", MetricCatalog.registry().names()));
            }
            if (MetricCatalog.get(n).needsBaseline()) {
                throw new IllegalArgumentException("metric '" + n + "' is measured against a study's baseline "
                        + "arm, so a single run cannot compute it; name it in a study file's metrics: list");
            }
        }
    }

    /** The analysis-side parameters. */
    public MetricConfig config() {
        return new MetricConfig(homogenisationPairs, k, authorGroupTopics, userGroupTopics, topicWindow, mseUsers,
                nicheShare);
    }
}
