package org.receco.analysis.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.receco.core.util.Registry;

/**
 * Every built-in metric by name. A scenario selects metrics by these names ({@code metrics.names}); an empty
 * selection means {@link #defaults()}. Each call to {@link #create} makes fresh instances (metrics keep state).
 */
public final class MetricCatalog {
    private static final Registry<Function<MetricConfig, Metric>> REGISTRY = new Registry<>("metric");

    static {
        for (Signal s : Signal.values()) {
            register(c -> new ItemGini(s));
        }
        for (Signal s : Signal.values()) {
            register(c -> new AuthorGini(s));
        }
        register(c -> new ItemCoverage());
        register(c -> new LongTail(LongTail.Kind.SHARE));
        register(c -> new AverageRecommendationPopularity());
        register(c -> new LongTail(LongTail.Kind.APLT));
        register(c -> new LongTail(LongTail.Kind.ACLT));
        register(c -> new PopularityLift());
        for (Signal s : Signal.values()) {
            register(c -> new QualityCorrelation(s));
        }
        for (AuthorGroupExposure.Kind k : AuthorGroupExposure.Kind.values()) {
            register(c -> new AuthorGroupExposure(k, c));
        }
        register(c -> new PopularityRsp());
        for (UserGroupGap.Kind k : UserGroupGap.Kind.values()) {
            register(c -> new UserGroupGap(k, c));
        }
        register(c -> new Homogenisation(true, c.homogenisationPairs()));
        register(c -> new Homogenisation(false, c.homogenisationPairs()));
        register(c -> new IntraListSimilarity());
        for (TopicProfile.Kind k : TopicProfile.Kind.values()) {
            register(c -> new TopicProfile(k, c.topicWindow()));
        }
        register(c -> new InterestShift(false));
        register(c -> new InterestShift(true));
        for (CentroidDistance.Kind k : CentroidDistance.Kind.values()) {
            register(c -> new CentroidDistance(k));
        }
        for (Signal s : Signal.values()) {
            register(c -> new Alignment(s));
        }
        for (Accuracy.Kind k : Accuracy.Kind.values()) {
            register(c -> new Accuracy(k, c.k()));
        }
    }

    private MetricCatalog() {
    }

    private static void register(Function<MetricConfig, Metric> factory) {
        REGISTRY.register(factory.apply(MetricConfig.defaults()).name(), factory);
    }

    /** The registry of metric factories by name. */
    public static Registry<Function<MetricConfig, Metric>> registry() {
        return REGISTRY;
    }

    /** The default selection: every built-in metric (each is linear in users × slate size per round). */
    public static List<String> defaults() {
        return List.copyOf(REGISTRY.names());
    }

    /** Fresh instances of {@code names} (empty: {@link #defaults()}); unknown names fail listing the known ones. */
    public static List<Metric> create(List<String> names, MetricConfig config) {
        List<Metric> out = new ArrayList<>();
        for (String n : names.isEmpty() ? defaults() : names) {
            out.add(REGISTRY.get(n).apply(config));
        }
        return out;
    }

    /** One instance of every metric with default parameters (for listing). */
    public static List<Metric> all() {
        return create(defaults(), MetricConfig.defaults());
    }
}
