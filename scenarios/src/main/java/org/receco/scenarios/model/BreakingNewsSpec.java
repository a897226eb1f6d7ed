package org.receco.scenarios.model;

import java.util.List;
import org.receco.agents.events.BreakingNews;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.core.spi.ScenarioEvent;

/**
 * Breaking news: at {@code round}, a burst of {@code items} items on one topic with high initial quality,
 * written by the {@code authors} authors closest to that topic (or by the given author ids) — the exogenous
 * interrupt SimuLine's released code leaves as a stub.
 */
@Doc("A burst of high-quality items on one topic at a given round.")
public record BreakingNewsSpec(
        @Doc("Round at whose start the burst is published.") @Range(min = 0) int round,
        @Doc("Topic of the burst (0-based).") @Range(min = 0) int topic,
        @Doc("Number of items in the burst.") @Range(min = 1, max = 1000000) int items,
        @Doc("Initial quality of the burst's items (SimuLine's best quality is ln(1+5e4) = 10.82).")
        @Range(min = 0) double quality,
        @Doc("Standard deviation of the items around the topic centre.") @Range(min = 0) double spread,
        @Doc("How many authors (closest to the topic) write the burst; ignored when authorIds is given.")
        @Range(min = 1) int authors,
        @Doc("Explicit author ids writing the burst (optional).") List<Integer> authorIds) implements EventSpec {

    public BreakingNewsSpec {
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
    }

    @Override
    public ScenarioEvent create(EventContext context) {
        return new BreakingNews(round, topic, items, quality, spread, authors, authorIds);
    }
}
