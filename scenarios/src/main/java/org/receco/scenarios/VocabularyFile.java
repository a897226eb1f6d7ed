package org.receco.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.agents.text.TopicVocabulary;
import org.receco.scenarios.Node.Entry;
import org.receco.scenarios.Node.MapNode;

/**
 * Reads the vocabularies {@code items.text.vocabulary} names: {@value #DEFAULT}, the bundled news vocabulary, or a
 * YAML file of the same shape ({@code topics: [{name, words}]}, optional {@code titles} and {@code summaries}
 * templates, which default to the bundled ones), read and checked like a scenario file, problems with their line.
 */
public final class VocabularyFile {
    /** The name of the bundled vocabulary. */
    public static final String DEFAULT = "default";
    static final String DEFAULT_RESOURCE = "text/default-vocabulary.yaml";
    private static final String DEFAULT_SOURCE = "built-in default-vocabulary.yaml";
    private static final String ALLOWED = "topics (a list of {name, words}), titles, summaries (lists of templates)";

    private VocabularyFile() {
    }

    /** The bundled news vocabulary, read once. */
    public static TopicVocabulary standard() {
        return Bundled.VOCABULARY;
    }

    /**
     * The vocabulary {@code name} names: {@value #DEFAULT} or a file path (relative to the working directory).
     *
     * @throws ScenarioException when the file is missing or unreadable, or anything in it is invalid
     */
    public static TopicVocabulary load(String name) {
        if (DEFAULT.equals(name)) {
            return standard();
        }
        String source = Path.of(name).toString();
        return read(source, YamlReader.readText(Path.of(name), "vocabulary file"));
    }

    /** Reads vocabulary {@code text}; {@code source} names it in problems. */
    static TopicVocabulary read(String source, String text) {
        MapNode file = YamlReader.readMapping(source, text, "vocabulary", ALLOWED, "write at least `topics:`");
        // Templates a file leaves out come from the bundled vocabulary; its topics never do.
        Map<String, Entry> templates = new LinkedHashMap<>(Bundled.NODE.entries());
        templates.remove("topics");
        return bind(Node.merge(new MapNode(Bundled.NODE.origin(), templates), file), file);
    }

    private static TopicVocabulary bind(Node tree, MapNode file) {
        List<Problem> problems = new ArrayList<>();
        Object v = new RecordBinder(ComponentCatalog.of(Map.of()), Map.of(), problems)
                .bind(tree, TopicVocabulary.class, null, "", file.origin());
        if (!problems.isEmpty() || v == RecordBinder.INVALID) {
            throw new ScenarioException(problems);
        }
        return (TopicVocabulary) v;
    }

    private static final class Bundled {
        static final MapNode NODE = YamlReader.readMapping(DEFAULT_SOURCE,
                ScenarioLoader.Defaults.text(DEFAULT_RESOURCE), "vocabulary", ALLOWED, "");
        static final TopicVocabulary VOCABULARY = bind(NODE, NODE);

        private Bundled() {
        }
    }
}
