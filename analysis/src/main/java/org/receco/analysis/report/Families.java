package org.receco.analysis.report;

import java.util.HashMap;
import java.util.Map;
import org.receco.analysis.metrics.Metric;
import org.receco.analysis.metrics.MetricCatalog;

/** The chart family of a metric name: the catalogue's family, or {@code activity} for the kernel's counters. */
public final class Families {
    private static final Map<String, String> FAMILY = new HashMap<>();
    private static final Map<String, String> DEFINITION = new HashMap<>();

    static {
        for (Metric m : MetricCatalog.all()) {
            FAMILY.put(m.name(), m.family());
            DEFINITION.put(m.name(), m.definition());
        }
        DEFINITION.put("users", "users taking part this round");
        DEFINITION.put("items.live", "live (recommendable) items this round");
        DEFINITION.put("exposures", "slate positions shown this round");
        DEFINITION.put("clicks", "clicks this round");
        DEFINITION.put("likes", "likes this round");
        DEFINITION.put("like_rate", "likes per click this round");
        DEFINITION.put("utility.per_click", "mean realised true utility per click this round");
        DEFINITION.put(CompareWriter.RELATIVE_UTILITY,
                "utility per click divided by the oracle run's in the same round (compare only)");
    }

    /**
     * Units by metric name prefix, most specific first (the catalogue has no units; each follows from the
     * metric's definition).
     */
    private static final String[][] UNITS = {
            {"gini.", "Gini, 0-1"}, {"coverage.", "share of live items"}, {"longtail.", "share of slate"},
            {"popularity.aplt", "share of slate"}, {"popularity.aclt", "items per slate"},
            {"popularity.arp", "earlier clicks/item"}, {"popularity.lift", "relative lift"},
            {"fairness.pop.rsp", "std / mean"}, {"fairness.author.exposure.disparity", "exposure/author"},
            {"fairness.author.", "share"}, {"fairness.user.utility", "utility"}, {"fairness.user.", "NDCG"},
            {"quality.corr.", "Pearson r"}, {"alignment.", "cosine"}, {"homogenisation.", "Jaccard index"},
            {"diversity.", "cosine"}, {"topic.entropy", "nats"}, {"topic.distinct", "topics"},
            {"topic.", "share of clicks"}, {"interest.", "latent distance"}, {"users.distance.ratio", "ratio"},
            {"users.distance.", "latent distance"}, {"attack.target.rank", "rank among live items"},
            {"attack.target.exposure", "share of slate positions"}, {"attack.target.", "score, 0-1"},
            {"attack.cost.ratings", "ratings"}, {"attack.cost.", "share of accounts"},
            {"attack.prediction_shift", "recommender score"}, {"accuracy.mrr", "reciprocal rank"}, {"accuracy.", "score, 0-1"},
            {"like_rate", "likes per click"}, {"utility.relative", "ratio to oracle"},
            {"utility.", "true utility"}, {"users", "users"}, {"items.live", "items"},
            {"exposures", "slate positions"}, {"clicks", "clicks"}, {"likes", "likes"}};

    private Families() {
    }

    /** The unit of a metric's values, or "value" when unknown. */
    public static String unit(String metric) {
        for (String[] u : UNITS) {
            if (metric.startsWith(u[0])) {
                return u[1];
            }
        }
        return "value";
    }

    public static String of(String metric) {
        return FAMILY.getOrDefault(metric, metric.equals("like_rate") || metric.startsWith("utility.")
                ? "engagement" : "activity");
    }

    /** The one-line definition, or "" when unknown. */
    public static String definition(String metric) {
        return DEFINITION.getOrDefault(metric, "");
    }
}
