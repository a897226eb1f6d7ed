package org.receco.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.scenarios.Node.Entry;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

/**
 * Reads YAML text into a {@link Node} tree with Jackson's streaming YAML parser, recording the line and
 * column of every key and value. Syntax errors and duplicate keys become {@link Problem}s.
 */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String source;
    private final List<Problem> problems;

    private YamlReader(String source, List<Problem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The document in {@code text}, or {@code null} when it is empty; problems are appended to
     * {@code problems} (after a syntax error the result is {@code null}).
     *
     * @param source the name used in origins (a file name, or an override as typed)
     */
    static Node read(String source, String text, List<Problem> problems) {
        return new YamlReader(source, problems).readDocument(text);
    }

    /** Like {@link #read} but every node gets {@code origin} (for {@code --set} values). */
    static Node readWithOrigin(String text, Origin origin, List<Problem> problems) {
        List<Problem> local = new ArrayList<>();
        Node n = new YamlReader(origin.source(), local).readDocument(text);
        for (Problem p : local) {
            problems.add(new Problem(origin, p.path(), p.message(), p.allowed()));
        }
        return n == null ? null : Node.relocate(n, origin);
    }

    private Node readDocument(String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return readValue(p, "");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Origin at = l == null ? Origin.of(source) : Origin.at(source, l.getLineNr(), l.getColumnNr());
            problems.add(new Problem(at, "", "YAML syntax error: " + firstLine(e.getOriginalMessage()), null));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node readValue(JsonParser p, String path) throws IOException {
        Origin at = origin(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Origin keyAt = origin(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    p.nextToken();
                    Node value = readValue(p, childPath);
                    Entry previous = entries.put(key, new Entry(keyAt, value));
                    if (previous != null) {
                        problems.add(new Problem(keyAt, childPath, "duplicate key (first given at line "
                                + previous.keyOrigin().line() + ")", null));
                    }
                }
                return new MapNode(at, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "." + i++));
                }
                return new ListNode(at, items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(at, number(p), p.getText());
            }
            case VALUE_TRUE -> {
                return new ScalarNode(at, Boolean.TRUE, p.getText());
            }
            case VALUE_FALSE -> {
                return new ScalarNode(at, Boolean.FALSE, p.getText());
            }
            case VALUE_NULL -> {
                return new ScalarNode(at, null, p.getText());
            }
            default -> {
                return new ScalarNode(at, p.getText(), p.getText());
            }
        }
    }

    /** The number, with YAML's {@code .inf} and {@code .nan}, which Jackson does not convert. */
    private static Object number(JsonParser p) throws IOException {
        try {
            return p.getNumberValue();
        } catch (JsonProcessingException e) {
            String s = p.getText().trim();
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return switch (lower) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> s;
            };
        }
    }

    private Origin origin(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return Origin.at(source, l.getLineNr(), l.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
