package org.receco.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, as {@link YamlReader} composes it from a scenario, study or
 * sweep file: the tree the scenario loader merges (defaults &lt; file &lt; overrides) and validates before any
 * record is built, and the tree the study and sweep readers walk. Immutable; merging builds new nodes.
 */
public sealed interface Node {
    Origin origin();

    /**
     * The value as the text of a {@code --set path=value} override: a scalar as written (so {@code off} stays
     * the enum name), a string that YAML would read otherwise quoted, lists and maps in flow (JSON) style.
     */
    default String overrideText() {
        if (this instanceof ScalarNode s) {
            return s.value() instanceof String str && !str.matches("[A-Za-z_][A-Za-z0-9_.-]*")
                    ? FlowText.quoted(str) : s.text();
        }
        return FlowText.of(this);
    }

    /** A short human label of the value: a scalar as written, lists and maps in flow style. */
    default String label() {
        return this instanceof ScalarNode s ? s.text() : FlowText.of(this);
    }

    /** What this value is, as quoted in a message: {@code a section of keys}, {@code the string 'ten'}, {@code 1.5}. */
    default String describe() {
        return TypeText.got(this);
    }

    /** A mapping; each entry remembers the key's own origin as well as its value's. */
    record MapNode(Origin origin, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        static MapNode empty(Origin origin) {
            return new MapNode(origin, Map.of());
        }

        /** The value under {@code key}, or null when the key is absent. */
        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /** Where {@code key} was written (this mapping's origin when it is absent). */
        public Origin keyOrigin(String key) {
            Entry e = entries.get(key);
            return e == null ? origin : e.keyOrigin();
        }

        MapNode with(String key, Entry entry) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            copy.put(key, entry);
            return new MapNode(origin, copy);
        }
    }

    record Entry(Origin keyOrigin, Node value) {
    }

    record ListNode(Origin origin, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        ListNode with(int index, Node item) {
            List<Node> copy = new ArrayList<>(items);
            if (index == copy.size()) {
                copy.add(item);
            } else {
                copy.set(index, item);
            }
            return new ListNode(origin, copy);
        }
    }

    /**
     * A scalar: {@code value} is a String, Integer, Long, BigInteger, Double, BigDecimal, Boolean or null (as
     * YAML resolved it); {@code text} is the scalar as written (so {@code off} stays usable as an enum name
     * although YAML 1.1 reads it as false).
     */
    record ScalarNode(Origin origin, Object value, String text) implements Node {
        public boolean isNull() {
            return value == null;
        }
    }

    /**
     * {@code upper} over {@code lower}: mappings merge key by key, anything else (lists too) replaces; a null
     * in {@code upper} leaves {@code lower} as it is.
     */
    static Node merge(Node lower, Node upper) {
        if (upper == null || upper instanceof ScalarNode s && s.isNull()) {
            return lower != null ? lower : upper;
        }
        if (lower == null) {
            return upper;
        }
        if (lower instanceof MapNode lm && upper instanceof MapNode um) {
            Map<String, Entry> merged = new LinkedHashMap<>(lm.entries());
            for (Map.Entry<String, Entry> e : um.entries().entrySet()) {
                Entry below = merged.get(e.getKey());
                merged.put(e.getKey(), below == null ? e.getValue()
                        : new Entry(e.getValue().keyOrigin(), merge(below.value(), e.getValue().value())));
            }
            return new MapNode(um.origin(), merged);
        }
        return upper;
    }

    /** True for nothing at all: an absent value ({@code null}) or a YAML null ({@code key:} with no value). */
    static boolean isNothing(Node node) {
        return node == null || node instanceof ScalarNode s && s.isNull();
    }

    /** A plain Java value (LinkedHashMap, ArrayList, scalars) as a tree whose every node has {@code origin}. */
    static Node fromPlain(Object value, Origin origin) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.put(String.valueOf(e.getKey()), new Entry(origin, fromPlain(e.getValue(), origin)));
            }
            return new MapNode(origin, entries);
        }
        if (value instanceof List<?> l) {
            List<Node> items = new ArrayList<>();
            for (Object o : l) {
                items.add(fromPlain(o, origin));
            }
            return new ListNode(origin, items);
        }
        if (value instanceof Enum<?> e) {
            return new ScalarNode(origin, e.name(), e.name());
        }
        return new ScalarNode(origin, value, value == null ? "null" : String.valueOf(value));
    }

    /** The same tree with every node and key at {@code origin}. */
    static Node relocate(Node node, Origin origin) {
        if (node instanceof MapNode m) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> entries.put(k, new Entry(origin, relocate(e.value(), origin))));
            return new MapNode(origin, entries);
        }
        if (node instanceof ListNode l) {
            List<Node> items = new ArrayList<>();
            for (Node n : l.items()) {
                items.add(relocate(n, origin));
            }
            return new ListNode(origin, items);
        }
        ScalarNode s = (ScalarNode) node;
        return new ScalarNode(origin, s.value(), s.text());
    }

    /** This tree as plain Java values (unmodifiable maps keep the key order). */
    public static Object toPlain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> out.put(k, toPlain(e.value())));
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>();
            for (Node n : l.items()) {
                out.add(toPlain(n));
            }
            return Collections.unmodifiableList(out);
        }
        return ((ScalarNode) node).value();
    }
}
