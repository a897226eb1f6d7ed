package org.receco.scenarios.model;

import java.util.HashSet;
import java.util.Set;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;
import org.receco.scenarios.ScenarioException;
import org.receco.scenarios.VocabularyFile;

/** Item life cycle, and the words items are shown with. */
public record ItemsSpec(
        @Doc("Rounds an item stays recommendable after publication (SimuLine: 5); 0 = forever.")
        @Range(min = 0, max = 1000000) int lifetime,
        @Doc("Topic names, item titles and one-line summaries from a per-topic vocabulary (public item metadata: "
                + "it changes no result).")
        ItemTextSpec text) implements CrossChecked {

    /**
     * The vocabulary must be readable and valid (its own problems, with their lines, are quoted), and topic names
     * must be as many as the space's topics at most, non-blank and distinct.
     */
    @Override
    public void check(Scenario scenario, Problems problems) {
        try {
            VocabularyFile.load(text.vocabulary());
        } catch (ScenarioException e) {
            problems.report("text.vocabulary", "vocabulary '" + text.vocabulary() + "' cannot be used: "
                    + e.getMessage().replace(System.lineSeparator(), "; "), "default, or a vocabulary YAML file");
        }
        int topics = scenario.space().topics();
        if (text.topicNames().size() > topics) {
            problems.report("text.topicNames", text.topicNames().size() + " names for " + topics
                    + " topics (space.topics)", "at most " + topics + " names");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < text.topicNames().size(); i++) {
            String n = text.topicNames().get(i);
            if (n.isBlank()) {
                problems.report("text.topicNames." + i, "a topic name must not be blank", null);
            } else if (!seen.add(n)) {
                problems.report("text.topicNames." + i, "topic name '" + n + "' is given twice", "distinct names");
            }
        }
    }
}
