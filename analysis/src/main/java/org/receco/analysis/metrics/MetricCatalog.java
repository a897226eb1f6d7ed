package org.receco.analysis.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.receco.analysis.data.Need;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;
import org.receco.core.util.Registry;

/**
 * The one catalogue of metrics, for scenarios and studies alike: every metric by its stable name, with its
 * one-line definition, what it needs, its options and how it is made. A scenario selects metrics by these names
 * ({@code metrics.names}, empty: {@link #defaults()}), a study by its {@code metrics:} list, and
 * {@code receco metrics} lists them all. A name is defined once: {@link #register} refuses a name the catalogue
 * already holds, and an observer that records a name the catalogue did not give it fails the run, so no two
 * metrics can share a name.
 *
 * <p>Where a value comes from says where it can be computed ({@link Source}): the kernel's counters are always
 * recorded; {@link Computed} metrics read only the round's data ({@link org.receco.analysis.data.RoundData}) and
 * so are computed live and offline by the same code; {@link Observed} metrics read the running model (the
 * recommender's state, true utilities, initial preferences) and exist live only, some of them only in a study
 * with a baseline arm.
 */
public final class MetricCatalog {
    /** Where a metric's value comes from. */
    public sealed interface Source permits Kernel, Reported, Computed, Observed {
    }

    /** Recorded by the kernel every round ({@code RoundCounters}): always there, nothing to create. */
    public record Kernel() implements Source {
    }

    /**
     * Recorded every round by a user population of the run that keeps a ledger of its own
     * ({@link org.receco.core.spi.ReportsMetrics}), e.g. the LLM users' calls: there in runs with such a
     * population, nothing to create.
     *
     * @param by who records it, in a few words
     */
    public record Reported(String by) implements Source {
    }

    /** A {@link Metric} over the round's data: live, and offline from a run database holding its needs. */
    public record Computed(Function<MetricConfig, Metric> factory) implements Source {
    }

    /**
     * Recorded live by an observer of the running model. One observer records every metric of its
     * {@code group}; it is created once however many of them are asked for.
     *
     * @param reads         what of the running model it reads, which a run database does not hold
     * @param needsBaseline whether it is measured against a study's baseline arm (so only a study runs it)
     */
    public record Observed(String group, String reads, boolean needsBaseline,
                           Function<MetricContext, Observer> factory) implements Source {
    }

    /**
     * One metric.
     *
     * @param needs   the round data a {@link Computed} metric reads (empty for the others)
     * @param options the metric options it reads ({@link MetricConfig} fields)
     */
    public record Entry(String name, String family, String definition, Set<Need> needs, List<String> options,
                        Source source) {
        public Entry {
            needs = Set.copyOf(needs);
            options = List.copyOf(options);
        }

        /** Whether {@code metrics --compute} can compute it from a run database. */
        public boolean offline() {
            return source instanceof Computed;
        }

        /** Whether only a study with a baseline arm can compute it. */
        public boolean needsBaseline() {
            return source instanceof Observed o && o.needsBaseline();
        }

        /** Where it can be computed, in a few words, for listings and messages. */
        public String availability() {
            if (source instanceof Observed o) {
                return o.needsBaseline() ? "live only, in a study with a baseline arm (reads " + o.reads() + ")"
                        : "live only (reads " + o.reads() + ")";
            }
            if (source instanceof Reported r) {
                return "recorded by " + r.by() + ", in runs that have one";
            }
            return source instanceof Kernel ? "kernel counter, recorded in every run" : "live and offline";
        }
    }

    private static final Registry<Entry> REGISTRY = new Registry<>("metric");

    static {
        for (Signal s : Signal.values()) {
            computed(c -> new ItemGini(s));
        }
        for (Signal s : Signal.values()) {
            computed(c -> new AuthorGini(s));
        }
        computed(c -> new ItemCoverage());
        computed(c -> new LongTail(LongTail.Kind.SHARE));
        computed(c -> new AverageRecommendationPopularity());
        computed(c -> new LongTail(LongTail.Kind.APLT));
        computed(c -> new LongTail(LongTail.Kind.ACLT));
        computed(c -> new PopularityLift());
        for (Signal s : Signal.values()) {
            computed(c -> new QualityCorrelation(s));
        }
        for (AuthorGroupExposure.Kind k : AuthorGroupExposure.Kind.values()) {
            computed(c -> new AuthorGroupExposure(k, c), "authorGroupTopics");
        }
        computed(c -> new PopularityRsp());
        for (UserGroupGap.Kind k : UserGroupGap.Kind.values()) {
            computed(c -> new UserGroupGap(k, c), "userGroupTopics", "k");
        }
        computed(c -> new Homogenisation(true, c.homogenisationPairs()), "homogenisationPairs");
        computed(c -> new Homogenisation(false, c.homogenisationPairs()), "homogenisationPairs");
        computed(c -> new IntraListSimilarity());
        for (TopicProfile.Kind k : TopicProfile.Kind.values()) {
            computed(c -> new TopicProfile(k, c.topicWindow()), "topicWindow");
        }
        computed(c -> new InterestShift(false));
        computed(c -> new InterestShift(true));
        for (CentroidDistance.Kind k : CentroidDistance.Kind.values()) {
            computed(c -> new CentroidDistance(k));
        }
        for (Signal s : Signal.values()) {
            computed(c -> new Alignment(s));
        }
        for (Accuracy.Kind k : Accuracy.Kind.values()) {
            computed(c -> new Accuracy(k, c.k()), "k");
        }
        // Shilling attacks: recorded only in runs with an attack (NaN otherwise, so nothing is written).
        computed(c -> new TargetHitRatio(c.k()), "k");
        computed(c -> new TargetNdcg(c.k()), "k");
        computed(c -> new TargetExposureShare());
        for (AttackCost.Kind k : AttackCost.Kind.values()) {
            computed(c -> new AttackCost(k));
        }

        kernel("users", "kernel", "users taking part in the round");
        kernel("items.live", "kernel", "live items at the end of the round");
        kernel("exposures", "kernel", "slate positions shown in the round");
        kernel("clicks", "kernel", "clicks (consumptions) in the round");
        kernel("likes", "kernel", "likes in the round");
        kernel("like_rate", "kernel", "likes per click in the round (0 without clicks)");
        kernel("utility.per_click", "kernel", "mean realised true utility per click in the round");

        // The LLM users' call ledger (Zhang et al., SIGIR 2024, report cost per run; we report it per round).
        reported("llm.calls", "decision calls of the LLM populations in the round (replayed ones included)");
        reported("llm.failures", "calls in the round that met a fault: a retry, a repair or the fallback");
        reported("llm.fallbacks", "page decisions in the round taken by the fallback (the latent twin's choice)");
        reported("llm.tokens", "prompt plus completion tokens the round's calls used, as the server reported");
        reported("llm.latency_p50_ms", "median wall time of the round's calls, first request to decision (ms)");
        reported("llm.latency_p95_ms", "95th percentile of the round's call wall times (ms)");

        // In the order the study runner has always created them (the order never changes a value).
        Observed nn = new Observed("homogenisation.nn", "the users' initial true preferences", false,
                c -> new NearestNeighbourHomogenisation());
        register(new Entry(NearestNeighbourHomogenisation.NAME, "homogenisation",
                "cumulative Jaccard of the consumed sets of true-preference nearest neighbours (Chaney et al. 2018)",
                Set.of(), List.of(), nn));
        Observed similar = new Observed("homogenisation.similar",
                "the recommender's user representations and the baseline arm's consumption", true,
                c -> new SimilarUserHomogenisation(c.baseline(), c.record()));
        register(new Entry(SimilarUserHomogenisation.NAME, "homogenisation",
                "cumulative Jaccard of users the recommender deems most similar, minus the same pairs' in the "
                        + "baseline arm (Chaney et al. 2018)", Set.of(), List.of(), similar));
        Observed pairs = new Observed("homogenisation.pairs", "the users' cumulative consumption since round 0",
                false, c -> new RandomPairHomogenisation(c.config().homogenisationPairs()));
        register(new Entry(RandomPairHomogenisation.NAME, "homogenisation",
                "cumulative Jaccard of random user pairs' consumed sets (T-RECS InteractionSimilarity)", Set.of(),
                List.of("homogenisationPairs"), pairs));
        Observed interactions = new Observed("gini.interactions", "every item's clicks since publication", false,
                c -> new InteractionGini());
        register(new Entry(InteractionGini.NAME, "gini",
                "Gini of every published item's cumulative clicks (T-RECS interaction histogram)", Set.of(),
                List.of(), interactions));
        Observed mse = new Observed("mse", "the recommender's predicted scores and the true utilities", false,
                c -> new PredictionMse(c.config().mseUsers()));
        register(new Entry(PredictionMse.NAME, "accuracy",
                "mean squared error of predicted scores against true utilities over live items "
                        + "(T-RECS MSEMeasurement)", Set.of(), List.of("mseUsers"), mse));
        Observed attackScores = new Observed("attack.scores", "the recommender's scores of every live item",
                false, c -> new AttackScores());
        register(new Entry(AttackScores.RANK, "attack", "mean rank of the attack's targets among the live items by "
                + "the recommender's score, over genuine users (1 = best)", Set.of(), List.of(), attackScores));
        register(new Entry(AttackScores.SHIFT, "attack", "prediction shift: mean change of the targets' scores, "
                + "relative to each genuine user's mean score, since the attack began (Mobasher et al. 2007)",
                Set.of(), List.of(), attackScores));
        Observed group = new Observed("mainstream-niche", "the true utilities of every live item", false,
                c -> new MainstreamNicheGap(c.config().nicheShare()));
        MainstreamNicheGap.DEFINITIONS.forEach((name, definition) -> register(new Entry(name,
                name.startsWith("popularity.") ? "popularity" : "user groups", definition, Set.of(),
                List.of("nicheShare"), group)));
    }

    private MetricCatalog() {
    }

    private static void computed(Function<MetricConfig, Metric> factory, String... options) {
        Metric m = factory.apply(MetricConfig.defaults());
        register(new Entry(m.name(), m.family(), m.definition(), m.needs(), List.of(options), new Computed(factory)));
    }

    private static void reported(String name, String definition) {
        register(new Entry(name, "llm", definition, Set.of(), List.of(), new Reported("an LLM user population")));
    }

    private static void kernel(String name, String family, String definition) {
        register(new Entry(name, family, definition, Set.of(), List.of(), new Kernel()));
    }

    /**
     * Adds {@code entry}.
     *
     * @throws IllegalStateException when the catalogue already holds a metric of that name
     */
    static void register(Entry entry) {
        REGISTRY.register(entry.name(), entry);
    }

    /** Every metric by name, in a fixed order. */
    public static Registry<Entry> registry() {
        return REGISTRY;
    }

    /** The metric called {@code name}, or an error listing the known names. */
    public static Entry get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * The default selection of a run: every {@link Computed} metric (each is linear in users × slate size per
     * round). The observed metrics cost more (users × live items, or users² once) and are asked for by name.
     */
    public static List<String> defaults() {
        return REGISTRY.entries().values().stream().filter(Entry::offline).map(Entry::name).toList();
    }

    /**
     * Fresh instances of the {@link Computed} metrics among {@code names} (empty: {@link #defaults()}); unknown
     * names fail listing the known ones; the others are left to {@link #observers}.
     */
    public static List<Metric> create(List<String> names, MetricConfig config) {
        List<Metric> out = new ArrayList<>();
        for (String n : names.isEmpty() ? defaults() : names) {
            if (REGISTRY.get(n).source() instanceof Computed c) {
                out.add(c.factory().apply(config));
            }
        }
        return out;
    }

    /** One instance of every computed metric with default parameters (for listing). */
    public static List<Metric> all() {
        return create(defaults(), MetricConfig.defaults());
    }

    /**
     * Fresh observers recording exactly {@code names} (empty: {@link #defaults()}): one {@link MetricsObserver}
     * for the computed metrics, in the order given, then one observer per group of observed metrics, in
     * catalogue order, each recording only the names asked for. Kernel counters need nothing.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<Observer> observers(List<String> names, MetricContext context) {
        return observers(names, context, List.of());
    }

    /**
     * As {@link #observers(List, MetricContext)}, the computed metrics covering only the users of the populations
     * named {@code populations} (empty: every user). Live-only observers read the running model and cover every
     * user.
     */
    public static List<Observer> observers(List<String> names, MetricContext context, List<String> populations) {
        return observers(names, context, populations, 1);
    }

    /**
     * As {@link #observers(List, MetricContext, List)}, the computed metrics covering a fixed sample of about
     * {@code userShare} of those users ({@link MetricsObserver#MetricsObserver(List, List, double)}).
     */
    public static List<Observer> observers(List<String> names, MetricContext context, List<String> populations,
                                           double userShare) {
        List<String> selected = names.isEmpty() ? defaults() : names;
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (String n : selected) {
            if (REGISTRY.get(n).source() instanceof Observed o) {
                wanted.computeIfAbsent(o.group(), g -> new LinkedHashSet<>()).add(n);
            }
        }
        List<Observer> out = new ArrayList<>();
        List<Metric> computed = create(selected, context.config());
        if (!computed.isEmpty()) {
            out.add(new MetricsObserver(computed, populations, userShare));
        }
        Map<String, Observed> groups = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (Entry e : REGISTRY.entries().values()) {
            if (e.source() instanceof Observed o) {
                groups.putIfAbsent(o.group(), o);
                members.computeIfAbsent(o.group(), g -> new LinkedHashSet<>()).add(e.name());
            }
        }
        groups.forEach((g, o) -> {
            if (wanted.containsKey(g)) {
                out.add(new Selected(o.factory().apply(context), wanted.get(g), members.get(g)));
            }
        });
        return out;
    }

    /** Whether any of {@code names} is measured against a study's baseline arm. */
    public static boolean needsBaseline(List<String> names) {
        return names.stream().anyMatch(n -> REGISTRY.get(n).needsBaseline());
    }

    /**
     * An observer passing on only the names asked for, and refusing to record a name its group does not own
     * (a second metric under a catalogued name would otherwise overwrite the first in the metrics table).
     */
    static final class Selected implements Observer {
        private final Observer inner;
        private final Set<String> wanted;
        private final Set<String> owned;

        Selected(Observer inner, Set<String> wanted, Set<String> owned) {
            this.inner = inner;
            this.wanted = Set.copyOf(wanted);
            this.owned = Set.copyOf(owned);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void start(RoundView view) {
            inner.start(view);
        }

        @Override
        public void observe(RoundView view, MetricRecorder out) {
            inner.observe(view, (name, value) -> {
                if (!owned.contains(name)) {
                    throw new IllegalStateException("observer '" + inner.name() + "' recorded '" + name
                            + "', a name the metric catalogue does not give it");
                }
                if (wanted.contains(name)) {
                    out.record(name, value);
                }
            });
        }
    }
}
