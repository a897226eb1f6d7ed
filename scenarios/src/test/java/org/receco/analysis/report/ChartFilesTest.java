package org.receco.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.ui.Layer;
import org.junit.jupiter.api.Test;

/** Panel grouping by unit and scale, panel names, and event markers on every panel. */
class ChartFilesTest {
    private static ChartFiles.Series flat(String name, double v) {
        return new ChartFiles.Series(name, new double[] {0, 1, 2}, new double[] {v, v, v});
    }

    @Test
    void magnitudesFarApartGetTheirOwnPanels() {
        // the activity family's 100,000 exposures and 2,000 users, fairness.author's 57 and 0.1
        List<ChartFiles.Series> s = List.of(flat("a.big", 100_000), flat("a.near", 40_000), flat("a.small", 2_000),
                flat("a.tiny", 0.1));
        List<ChartFiles.Panel> panels = ChartFiles.panels("a", s, n -> "count");
        assertEquals(List.of(List.of("a.big", "a.near"), List.of("a.small"), List.of("a.tiny")),
                panels.stream().map(p -> p.series().stream().map(ChartFiles.Series::label).toList()).toList());
        assertEquals("{big, near} (count)", panels.get(0).yLabel());
        assertEquals("small (count)", panels.get(1).yLabel());
    }

    @Test
    void differentUnitsNeverShareAPanel() {
        Map<String, String> units = Map.of("f.share", "share", "f.ratio", "ratio");
        List<ChartFiles.Panel> panels = ChartFiles.panels("f", List.of(flat("f.share", 0.5), flat("f.ratio", 0.5)),
                units::get);
        assertEquals(2, panels.size());
    }

    @Test
    void commonNamesKeepTheSharedParts() {
        assertEquals("{click, exposure, like}.author",
                ChartFiles.commonName(List.of("click.author", "exposure.author", "like.author")));
        assertEquals("corr.{click, like}", ChartFiles.commonName(List.of("corr.click", "corr.like")));
        assertEquals("{users, items.live}", ChartFiles.commonName(List.of("users", "items.live")));
        assertEquals("", ChartFiles.commonName(List.of("a_very_long_metric_name_one", "another_very_long_name_two")));
    }

    @Test
    void everyPanelMarksEveryEvent() {
        List<ChartFiles.Series> s = List.of(flat("a.big", 100_000), flat("a.tiny", 0.1));
        List<ChartFiles.Event> events = List.of(new ChartFiles.Event(1, "breaking-news", "x"),
                new ChartFiles.Event(2, "switch", "y"));
        var chart = ChartFiles.smallMultiples("a", ChartFiles.panels("a", s, n -> "u"), events);
        List<?> subplots = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertEquals(2, subplots.size());
        for (Object o : subplots) {
            assertEquals(2, ((XYPlot) o).getDomainMarkers(Layer.FOREGROUND).size());
        }
        assertEquals(ChartFiles.FRAME_HEIGHT + 2 * ChartFiles.PANEL_HEIGHT, ChartFiles.height(chart));
    }
}
