package org.receco.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value of a sweep or study file that remembers where it was written, so every problem with those files
 * names the file, line and column. {@code value} is a {@code Map<String, LocatedYaml>} (key order kept), a
 * {@code List<LocatedYaml>}, or a scalar as YAML resolved it (String, Number, Boolean or null); {@code text} is
 * a scalar as written; {@code keys} holds where each key of a mapping was written, in the order written (empty
 * otherwise). Read with Jackson's streaming parser only: reading a file loads no data binding, which costs a
 * few hundred milliseconds of start-up (only rendering a list or map as text does).
 */
public record LocatedYaml(Origin origin, Object value, String text, Map<String, Origin> keys) {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Reads {@code text}; a syntax error or a duplicate key is a {@link ScenarioException} naming the place. */
    public static LocatedYaml read(String source, String text) {
        List<Problem> problems = new ArrayList<>();
        LocatedYaml doc = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != null) {
                doc = value(p, source, "", problems);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String m = e.getOriginalMessage() == null ? "malformed YAML" : e.getOriginalMessage().lines().findFirst()
                    .orElse("malformed YAML");
            problems.add(new Problem(l == null ? Origin.of(source) : Origin.at(source, l.getLineNr(), l.getColumnNr()),
                    "", "YAML syntax error: " + m, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return doc == null ? new LocatedYaml(Origin.at(source, 1, 1), null, "", Map.of()) : doc;
    }

    private static LocatedYaml value(JsonParser p, String source, String path, List<Problem> problems) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        Origin at = Origin.at(source, l.getLineNr(), l.getColumnNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, LocatedYaml> entries = new LinkedHashMap<>();
                Map<String, Origin> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    keys.putIfAbsent(key, Origin.at(source, kl.getLineNr(), kl.getColumnNr()));
                    p.nextToken();
                    LocatedYaml v = value(p, source, path.isEmpty() ? key : path + "." + key, problems);
                    if (entries.put(key, v) != null) {
                        problems.add(new Problem(Origin.at(source, kl.getLineNr(), kl.getColumnNr()),
                                path.isEmpty() ? key : path + "." + key, "duplicate key", null));
                    }
                }
                return new LocatedYaml(at, entries, null, keys);
            }
            case START_ARRAY -> {
                List<LocatedYaml> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, source, path + "." + i++, problems));
                }
                return new LocatedYaml(at, items, null, Map.of());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                Object n;
                try {
                    n = p.getNumberValue();
                } catch (JsonProcessingException e) {
                    n = p.getText();
                }
                return new LocatedYaml(at, n, p.getText(), Map.of());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new LocatedYaml(at, t == JsonToken.VALUE_TRUE, p.getText(), Map.of());
            }
            case VALUE_NULL -> {
                return new LocatedYaml(at, null, p.getText(), Map.of());
            }
            default -> {
                return new LocatedYaml(at, p.getText(), p.getText(), Map.of());
            }
        }
    }

    /** Where {@code key} of this mapping was written (this value's origin if unknown). */
    public Origin keyOrigin(String key) {
        return keys.getOrDefault(key, origin);
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public boolean isScalar() {
        return !isMap() && !isList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, LocatedYaml> map() {
        return (Map<String, LocatedYaml>) value;
    }

    @SuppressWarnings("unchecked")
    public List<LocatedYaml> list() {
        return (List<LocatedYaml>) value;
    }

    /** The value as plain Java (maps, lists, scalars), for rendering. */
    public Object plain() {
        if (isMap()) {
            Map<String, Object> m = new LinkedHashMap<>();
            map().forEach((k, v) -> m.put(k, v.plain()));
            return m;
        }
        if (isList()) {
            List<Object> l = new ArrayList<>();
            list().forEach(v -> l.add(v.plain()));
            return l;
        }
        return value;
    }

    /**
     * The value as the text of a {@code --set path=value} override: a scalar as written (so {@code off} stays
     * the enum name), a string that YAML would read otherwise quoted, lists and maps in flow (JSON) style.
     */
    public String overrideText() {
        if (isScalar()) {
            if (value instanceof String s && !s.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                return json(s);
            }
            return text;
        }
        return json(plain());
    }

    /** A short human label of the value: strings and numbers as written, lists and maps in flow style. */
    public String label() {
        return isScalar() ? text : json(plain());
    }

    /** What the value is, for a message: "a mapping", "a list", "nothing" or the scalar as written, quoted. */
    public String describe() {
        if (isMap()) {
            return "a mapping";
        }
        if (isList()) {
            return "a list";
        }
        return value == null ? "nothing" : "'" + text + "'";
    }

    /**
     * The scalar under {@code key} of mapping {@code m} as written, or {@code fallback} when the key is absent or
     * null; a list or mapping there adds a problem to {@code problems} and gives {@code fallback}.
     */
    public static String scalarText(Map<String, LocatedYaml> m, String key, String fallback, List<Problem> problems) {
        LocatedYaml y = m.get(key);
        if (y == null || y.value() == null) {
            return fallback;
        }
        if (!y.isScalar()) {
            problems.add(new Problem(y.origin(), key, "expected a single value, got " + y.describe(), null));
            return fallback;
        }
        return y.text();
    }

    /** {@code v} as JSON text (flow style). */
    public static String json(Object v) {
        try {
            return Json.MAPPER.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds the data-binding mapper: a holder class is initialised on first use, so only rendering loads it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
