package org.receco.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written: the tree the loader merges (defaults &lt; file &lt;
 * overrides) and validates before any record is built. Immutable; merging builds new nodes.
 */
sealed interface Node {
    Origin origin();

    /** A mapping; each entry remembers the key's own origin as well as its value's. */
    record MapNode(Origin origin, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        static MapNode empty(Origin origin) {
            return new MapNode(origin, Map.of());
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
        boolean isNull() {
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
    static Object toPlain(Node node) {
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
