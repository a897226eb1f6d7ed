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

    private Families() {
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
