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

    /** The topic must exist in the space and the authors among the scenario's (BreakingNews fails otherwise). */
    @Override
    public void check(Scenario scenario, Problems problems) {
        int topics = scenario.space().topics();
        if (topic >= topics) {
            problems.report("topic", "topic " + topic + " does not exist: the space has " + topics + " topics "
                    + "(space.topics)", "0 to " + (topics - 1));
        }
        int count = scenario.authors().count();
        for (int i = 0; i < authorIds.size(); i++) {
            int id = authorIds.get(i);
            if (id < 0 || id >= count) {
                problems.report("authorIds." + i, "author id " + id + " does not exist: there are " + count
                        + " authors (authors.count)", count == 0 ? "none: there are no authors" : "0 to " + (count - 1));
            }
        }
        if (authorIds.isEmpty() && count == 0) {
            problems.report("", "breaking news needs an author, but authors.count is 0", "authors.count >= 1");
        }
    }

    @Override
    public EventFootprint footprint() {
        return new EventFootprint(0, 0, items(), 0);
    }
}
