package org.receco.scenarios.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricConfig;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.scenarios.Suggest;

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
                + "[] = every user.") List<String> populations,
        @Doc("Share of those users the metrics computed from the round's data read, a fixed random sample (each "
                + "user in it with this probability, by a hash of its id); 1 = every user. For runs of a million "
                + "users, where every metric would read every slate.") @Range(min = 0.0001, max = 1)
        double userShare) implements CrossChecked {

    public MetricsSpec {
        names = names == null ? List.of() : List.copyOf(names);
        authorGroupTopics = authorGroupTopics == null ? List.of() : List.copyOf(authorGroupTopics);
        userGroupTopics = userGroupTopics == null ? List.of() : List.copyOf(userGroupTopics);
        populations = populations == null ? List.of() : List.copyOf(populations);
    }

    /**
     * Metric names must be known and computable by a single run; group topics must exist in the space (the
     * group metrics would index past it); measured populations must be declared, in users.populations or by an
     * add-population event.
     */
    @Override
    public void check(Scenario scenario, Problems problems) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (MetricCatalog.registry().find(n).isEmpty()) {
                problems.report("names." + i, "unknown metric '" + n + "'"
                        + Suggest.didYouMean(n, MetricCatalog.registry().names()),
                        String.join(", ", MetricCatalog.registry().names()));
            } else if (MetricCatalog.get(n).needsBaseline()) {
                problems.report("names." + i, "metric '" + n + "' is measured against a study's baseline arm, so a "
                        + "single run cannot compute it; name it in a study file's metrics: list", null);
            }
        }
        int topics = scenario.space().topics();
        checkTopics("authorGroupTopics", authorGroupTopics, topics, problems);
        checkTopics("userGroupTopics", userGroupTopics, topics, problems);
        List<String> declared = new ArrayList<>(scenario.users().all().stream().map(PopulationSpec::name).toList());
        scenario.events().stream().filter(e -> e instanceof AddPopulationSpec)
                .forEach(e -> declared.add(((AddPopulationSpec) e).name()));
        for (int i = 0; i < populations.size(); i++) {
            String p = populations.get(i);
            if (!declared.contains(p)) {
                problems.report("populations." + i, "unknown population '" + p + "'" + Suggest.didYouMean(p, declared),
                        String.join(", ", declared));
            }
        }
    }

    private static void checkTopics(String key, List<Integer> list, int topics, Problems problems) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            int t = list.get(i);
            if (t < 0 || t >= topics) {
                problems.report(key + "." + i, "topic " + t + " does not exist: the space has " + topics
                        + " topics (space.topics)", "0 to " + (topics - 1));
            } else if (!seen.add(t)) {
                problems.report(key + "." + i, "topic " + t + " is listed twice", null);
            }
        }
    }

    /** The analysis-side parameters. */
    public MetricConfig config() {
        return new MetricConfig(homogenisationPairs, k, authorGroupTopics, userGroupTopics, topicWindow, mseUsers,
                nicheShare);
    }
}
