package org.receco.scenarios;

import java.util.Arrays;
import java.util.List;
import org.receco.scenarios.Node.Entry;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

/**
 * Applies {@code --set path=value} overrides to a tree: {@code path} is dotted ({@code slate.coldStart},
 * {@code users.params.clicksPerRound}), a numeric segment indexes a list ({@code events.0.round}; the index
 * one past the end appends), and {@code value} is read as YAML ({@code 5}, {@code random}, {@code [1, 2]}).
 * Missing sections are created; whether their keys are allowed is the validator's business.
 */
final class Overrides {
    private Overrides() {
    }

    static Node apply(Node root, List<String> assignments, List<Problem> problems) {
        Node tree = root;
        for (String assignment : assignments) {
            Origin origin = Origin.override(assignment);
            int eq = assignment.indexOf('=');
            String path = eq < 0 ? "" : assignment.substring(0, eq).trim();
            String[] segments = path.split("\\.", -1);
            if (eq < 0 || path.isEmpty() || Arrays.stream(segments).anyMatch(String::isEmpty)) {
                problems.add(new Problem(origin, "", "expected path=value with a dotted key path",
                        "e.g. --set slate.coldStart=20, --set events.0.round=3"));
                continue;
            }
            String text = assignment.substring(eq + 1);
            Node value = text.isBlank() ? new ScalarNode(origin, text, text)
                    : YamlReader.readWithOrigin(text, origin, problems);
            if (value == null) {
                continue;
            }
            Node updated = set(tree, segments, 0, value, origin, problems);
            if (updated != null) {
                tree = updated;
            }
        }
        return tree;
    }

    private static Node set(Node current, String[] segments, int i, Node value, Origin origin,
                            List<Problem> problems) {
        if (i == segments.length) {
            return Node.merge(current, value);
        }
        String segment = segments[i];
        if (current == null || current instanceof ScalarNode s && s.isNull()) {
            current = MapNode.empty(origin);
        }
        if (current instanceof MapNode m) {
            Entry child = m.entries().get(segment);
            Node updated = set(child == null ? null : child.value(), segments, i + 1, value, origin, problems);
            return updated == null ? null : m.with(segment, new Entry(origin, updated));
        }
        String here = String.join(".", Arrays.asList(segments).subList(0, i));
        if (current instanceof ListNode l) {
            int index;
            try {
                index = Integer.parseInt(segment);
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index > l.items().size()) {
                problems.add(new Problem(origin, here + "." + segment, "'" + here + "' is a list of "
                        + l.items().size() + " items, so '" + segment + "' is not an index of it",
                        l.items().isEmpty() ? "0 (appends)" : "0 to " + (l.items().size() - 1)
                                + ", or " + l.items().size() + " to append"));
                return null;
            }
            Node child = index < l.items().size() ? l.items().get(index) : null;
            Node updated = set(child, segments, i + 1, value, origin, problems);
            return updated == null ? null : l.with(index, updated);
        }
        problems.add(new Problem(origin, here, "'" + here + "' is a single value, not a section, so it has no key '"
                + segment + "'", null));
        return null;
    }
}
