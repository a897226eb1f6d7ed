package org.receco.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.model.WorldSpec;

/**
 * Loads scenario files into {@link Scenario} records with one precedence rule: the built-in
 * {@code defaults.yaml} &lt; the file &lt; {@code --set path=value} overrides. Event list items get their
 * per-type defaults ({@code event-defaults.yaml}) and named components ({@code users.model},
 * {@code authors.model}, {@code recommender.name}) have their {@code params} merged over the component's
 * defaults. Everything is validated against the record types with file, line and column in each problem;
 * every problem found is reported at once in a {@link ScenarioException}. Thread-safe.
 */
public final class ScenarioLoader {
    static final String DEFAULTS_RESOURCE = "model/defaults.yaml";
    static final String EVENT_DEFAULTS_RESOURCE = "model/event-defaults.yaml";
    /** The source name of values taken from {@code defaults.yaml} (what a file did not write). */
    static final String DEFAULTS_SOURCE = "built-in defaults.yaml";

    private final ComponentCatalog catalog;

    /** A loader checking component names against {@link org.receco.agents.Components}. */
    public ScenarioLoader() {
        this(ComponentCatalog.standard());
    }

    public ScenarioLoader(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    public ComponentCatalog catalog() {
        return catalog;
    }

    /** Loads {@code file} without overrides. */
    public LoadedScenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads {@code file} with {@code overrides} ({@code path=value} strings as given to {@code --set}).
     *
     * @throws ScenarioException when the file cannot be read or anything in it or the overrides is invalid
     */
    public LoadedScenario load(Path file, List<String> overrides) {
        return load(file.toString(), YamlReader.readText(file, "file"), overrides);
    }

    /**
     * Loads scenario {@code text}; {@code sourceName} names it in problems (usually the file name).
     *
     * @throws ScenarioException when anything in the text or the overrides is invalid
     */
    public LoadedScenario load(String sourceName, String text, List<String> overrides) {
        MapNode document = YamlReader.readMapping(sourceName, text, "scenario",
                TypeText.describe(Scenario.class, null), "write `{}` for all defaults");
        return load(sourceName, text, document, overrides, Origin.at(sourceName, 1, 1));
    }

    /**
     * Loads a scenario already read as {@code document}: a study's inline {@code scenario:} mapping, whose
     * problems name the study file's lines. {@code text} is what it was read from (for the run manifest).
     *
     * @throws ScenarioException when anything in the document or the overrides is invalid
     */
    public LoadedScenario load(String sourceName, String text, MapNode document, List<String> overrides) {
        return load(sourceName, text, document, overrides, document.origin());
    }

    /** @param root where problems of the scenario as a whole go (a missing key, a cross-field check) */
    private LoadedScenario load(String sourceName, String text, MapNode document, List<String> overrides,
                                Origin root) {
        List<Problem> problems = new ArrayList<>();
        Node tree = Node.merge(Defaults.SCENARIO, document);
        tree = Overrides.apply(tree, overrides, problems);
        RecordBinder binder = new RecordBinder(catalog, Defaults.EVENTS, problems);
        Object scenario = binder.bind(tree, Scenario.class, null, "", root);
        if (!problems.isEmpty() || scenario == RecordBinder.INVALID) {
            throw new ScenarioException(inReadingOrder(problems, sourceName));
        }
        Scenario s = (Scenario) scenario;
        return new LoadedScenario(s, sourceName, text, overrides, binder.dropped());
    }

    /**
     * The effective scenario as YAML text. A synthetic {@code world} section at its defaults is left out: the
     * defaults restore it on loading, and every scenario written before ratings worlds existed keeps its resolved
     * YAML, which the run manifest records, and so its database digest.
     */
    public static String toYaml(Scenario scenario) {
        try {
            Map<String, Object> values = new LinkedHashMap<>(PlainValues.ofRecord(scenario));
            if (WorldSpec.synthetic().equals(scenario.world())) {
                values.remove("world");
            }
            return YamlWriter.MAPPER.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of {@code text} followed by one line {@code --set <override>} per override. */
    public static String sha256(String text, List<String> overrides) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text.getBytes(StandardCharsets.UTF_8));
            for (String o : overrides) {
                md.update(("\n--set " + o).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Problems in the file by line and column first, then the others (overrides, defaults) as found. */
    private static List<Problem> inReadingOrder(List<Problem> problems, String sourceName) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.origin().source().equals(sourceName) ? 0 : 1)
                .thenComparingInt(p -> p.origin().source().equals(sourceName) ? p.origin().line() : 0)
                .thenComparingInt(p -> p.origin().source().equals(sourceName) ? p.origin().column() : 0));
        return sorted;
    }

    /** Jackson's object mapper, created on first use only: loading a scenario does not need it. */
    private static final class YamlWriter {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build()).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

        private YamlWriter() {
        }
    }

    /** The built-in defaults, read once. */
    static final class Defaults {
        static final Node SCENARIO = read(DEFAULTS_RESOURCE, DEFAULTS_SOURCE);
        static final Map<String, Node> EVENTS = eventDefaults();

        private Defaults() {
        }

        /** The built-in defaults text of scenario keys ({@code defaults.yaml}). */
        static String text(String resource) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Node read(String resource, String name) {
            List<Problem> problems = new ArrayList<>();
            Node n = YamlReader.read(name, text(resource), problems);
            if (!problems.isEmpty() || !(n instanceof MapNode)) {
                throw new IllegalStateException("broken built-in " + resource + ": " + problems);
            }
            return n;
        }

        private static Map<String, Node> eventDefaults() {
            MapNode all = (MapNode) read(EVENT_DEFAULTS_RESOURCE, "built-in event-defaults.yaml");
            Map<String, Node> byType = new LinkedHashMap<>();
            all.entries().forEach((type, e) -> byType.put(type, e.value()));
            return Map.copyOf(byType);
        }
    }
}
