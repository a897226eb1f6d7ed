package org.receco.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.Observer;
import org.receco.core.spi.RoundView;

/** The one metric catalogue: every metric once, by name, with how it is made and where it can be computed. */
class MetricCatalogTest {
    @Test
    void aSecondDefinitionUnderAHeldNameIsRefused() {
        MetricCatalog.Entry ratio = new MetricCatalog.Entry("popularity.lift", "popularity", "a second meaning",
                Set.of(), List.of(), new MetricCatalog.Kernel());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MetricCatalog.register(ratio));
        assertTrue(e.getMessage().contains("'popularity.lift' is registered twice"), e.getMessage());
        // The first definition stays.
        assertInstanceOf(PopularityLift.class, ((MetricCatalog.Computed) MetricCatalog.get("popularity.lift")
                .source()).factory().apply(MetricConfig.defaults()));
    }

    @Test
    void deltaGapAndTheSlateToLiveRatioHaveNamesOfTheirOwn() {
        MetricCatalog.Entry lift = MetricCatalog.get("popularity.lift");
        MetricCatalog.Entry ratio = MetricCatalog.get(MainstreamNicheGap.SLATE_LIVE_RATIO);
        assertEquals("popularity.slate_live_ratio", ratio.name());
        assertTrue(lift.offline() && lift.definition().contains("ΔGAP"), lift.definition());
        assertFalse(ratio.offline());
        assertEquals("mainstream-niche", ((MetricCatalog.Observed) ratio.source()).group());
    }

    @Test
    void everyMetricAStudyReportsIsCatalogued() {
        List<String> study = new ArrayList<>(List.of("homogenisation.nn", "homogenisation.similar",
                "homogenisation.pairs", "gini.interactions", "mse", "users", "items.live", "exposures", "clicks",
                "likes", "like_rate", "utility.per_click"));
        study.addAll(MainstreamNicheGap.DEFINITIONS.keySet());
        for (String n : study) {
            MetricCatalog.Entry e = MetricCatalog.get(n);
            assertFalse(e.definition().isBlank() || e.definition().contains("\n"), n);
            assertFalse(e.offline(), n + " reads the running model or is a kernel counter");
        }
        assertEquals(7, MainstreamNicheGap.DEFINITIONS.size());
    }

    @Test
    void onlyTheBaselineComparisonNeedsAStudy() {
        List<String> need = MetricCatalog.registry().entries().values().stream()
                .filter(MetricCatalog.Entry::needsBaseline).map(MetricCatalog.Entry::name).toList();
        assertEquals(List.of(SimilarUserHomogenisation.NAME), need);
        assertTrue(MetricCatalog.needsBaseline(List.of("clicks", "homogenisation.similar")));
        assertFalse(MetricCatalog.needsBaseline(List.of("homogenisation.nn", "mse")));
        assertTrue(MetricCatalog.get("homogenisation.similar").availability().contains("baseline arm"));
    }

    @Test
    void theDefaultsAreTheMetricsComputedFromTheRoundsData() {
        for (String n : MetricCatalog.defaults()) {
            assertTrue(MetricCatalog.get(n).offline(), n);
        }
        long computed = MetricCatalog.registry().entries().values().stream().filter(MetricCatalog.Entry::offline)
                .count();
        assertEquals(computed, MetricCatalog.defaults().size());
        assertEquals(MetricCatalog.defaults().size(), MetricCatalog.all().size());
    }

    @Test
    void observersAreOnePerGroupWhateverIsAskedFor() {
        List<Observer> obs = MetricCatalog.observers(List.of("ndcg.niche", "gini.exposure.item", "clicks",
                "popularity.slate_live_ratio", "mse", "diversity.ils"), MetricContext.of(MetricConfig.defaults()));
        assertEquals(3, obs.size(), obs.toString());
        MetricsObserver computed = assertInstanceOf(MetricsObserver.class, obs.get(0));
        assertEquals(List.of("gini.exposure.item", "diversity.ils"),
                computed.metrics().stream().map(Metric::name).toList());
        // Catalogue order, not the order asked: mse is registered before the group metrics.
        assertEquals("mse", obs.get(1).name());
        assertEquals("mainstream-niche", obs.get(2).name());
        assertTrue(MetricCatalog.observers(List.of("clicks"), MetricContext.of(MetricConfig.defaults())).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> MetricCatalog.observers(List.of("gini.interaction"), MetricContext.of(MetricConfig.defaults())));
    }

    /** Records fixed names, whatever the round. */
    private record Recording(List<String> names) implements Observer {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void observe(RoundView view, MetricRecorder out) {
            for (String n : names) {
                out.record(n, 1);
            }
        }
    }

    @Test
    void anObservedGroupRecordsOnlyWhatWasAskedAndNothingItDoesNotOwn() {
        Map<String, Double> got = new LinkedHashMap<>();
        new MetricCatalog.Selected(new Recording(List.of("a.x", "a.y")), Set.of("a.y"), Set.of("a.x", "a.y"))
                .observe(null, got::put);
        assertEquals(Map.of("a.y", 1.0), got);
        MetricCatalog.Selected rogue = new MetricCatalog.Selected(new Recording(List.of("a.x", "popularity.lift")),
                Set.of("a.x"), Set.of("a.x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rogue.observe(null, got::put));
        assertTrue(e.getMessage().contains("'popularity.lift'"), e.getMessage());
    }
}
