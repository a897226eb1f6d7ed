package org.receco.scenarios.model;

import java.util.List;
import org.receco.core.config.Doc;

/** The words items are shown with (titles, summaries, topic names), for prompts, the inspector and the report. */
public record ItemTextSpec(
        @Doc("Where topic names and item words come from: `default` (the bundled news vocabulary: politics, sport, "
                + "science, ...) or a vocabulary YAML file, relative to the working directory, with `topics: "
                + "[{name, words: [...]}]` and optional `titles`/`summaries` templates ({0} {1} {2} = words, "
                + "{topic} = the topic's name).")
        String vocabulary,
        @Doc("Names of the first topics, replacing the vocabulary's (topic i takes the i-th); [] = the "
                + "vocabulary's own.")
        List<String> topicNames) {

    public ItemTextSpec {
        topicNames = topicNames == null ? List.of() : List.copyOf(topicNames);
    }
}
