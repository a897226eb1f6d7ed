package org.receco.scenarios.study;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.receco.analysis.metrics.ConsumptionHistory;
import org.receco.analysis.metrics.InteractionGini;
import org.receco.analysis.metrics.MainstreamNicheGap;
import org.receco.analysis.metrics.NearestNeighbourHomogenisation;
import org.receco.analysis.metrics.PredictionMse;
import org.receco.analysis.metrics.RandomPairHomogenisation;
import org.receco.analysis.metrics.SimilarUserHomogenisation;
import org.receco.core.spi.Observer;

/**
 * The metrics a study can ask for, by name, and the observers that record them. The kernel's own counters
 * ({@code utility.per_click}, {@code clicks}, ...) are always recorded.
 */
final class StudyMetrics {
    static final List<String> DEFAULTS = List.of(NearestNeighbourHomogenisation.NAME, "utility.per_click",
            InteractionGini.NAME);
    static final List<String> KERNEL = List.of("users", "items.live", "exposures", "clicks", "likes", "like_rate",
            "utility.per_click");
    static final List<String> GROUP = List.of(MainstreamNicheGap.PRECISION_NICHE,
            MainstreamNicheGap.PRECISION_MAINSTREAM, MainstreamNicheGap.NDCG_NICHE, MainstreamNicheGap.NDCG_MAINSTREAM,
            MainstreamNicheGap.UTILITY_NICHE,
            MainstreamNicheGap.UTILITY_MAINSTREAM, MainstreamNicheGap.LIFT);
    static final List<String> OBSERVED = List.of(NearestNeighbourHomogenisation.NAME, SimilarUserHomogenisation.NAME,
            RandomPairHomogenisation.NAME, InteractionGini.NAME, PredictionMse.NAME);

    /** The options of a study's {@code options:} that these metrics read. */
    static final List<String> OPTIONS = List.of("homogenisationPairs", "mseUsers", "nicheShare");
    private static final List<String> KNOWN = Stream.of(KERNEL, OBSERVED, GROUP).flatMap(List::stream).toList();

    private StudyMetrics() {
    }

    /** Every metric name a study can ask for: the kernel's counters, the observed metrics, the group metrics. */
    static List<String> known() {
        return KNOWN;
    }

    /**
     * Fresh observers recording {@code names}. {@code baseline} and {@code record} are the consumption histories
     * {@link SimilarUserHomogenisation} compares against and writes (null: none).
     */
    static List<Observer> observers(List<String> names, StudyDefinition def, int homogenisationPairs,
                                    ConsumptionHistory baseline, ConsumptionHistory record) {
        List<Observer> out = new ArrayList<>();
        if (names.contains(NearestNeighbourHomogenisation.NAME)) {
            out.add(new NearestNeighbourHomogenisation());
        }
        if (names.contains(SimilarUserHomogenisation.NAME)) {
            out.add(new SimilarUserHomogenisation(baseline, record));
        }
        if (names.contains(RandomPairHomogenisation.NAME)) {
            out.add(new RandomPairHomogenisation((int) def.option("homogenisationPairs", homogenisationPairs)));
        }
        if (names.contains(InteractionGini.NAME)) {
            out.add(new InteractionGini());
        }
        if (names.contains(PredictionMse.NAME)) {
            out.add(new PredictionMse((int) def.option("mseUsers", 1000)));
        }
        if (names.stream().anyMatch(GROUP::contains)) {
            out.add(new MainstreamNicheGap(def.option("nicheShare", 0.3)));
        }
        return out;
    }
}
