package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.receco.core.config.Range;
import org.receco.scenarios.cli.CliApp;
import org.receco.scenarios.cli.RecEcoCli;
import org.receco.scenarios.model.EventKinds;
import org.receco.scenarios.model.EventSpec;
import org.receco.scenarios.model.NamedComponent;
import org.receco.scenarios.model.PopulationSpec;
import org.receco.scenarios.model.Scenario;

/**
 * Bad scenario files generated from the scenario's records themselves (their types and {@link Range} bounds),
 * so a key added tomorrow is covered the day it is added: for every key, a value of the wrong type, below its
 * minimum, above its maximum, NaN and ±infinity, an unknown sibling key beside it, and for names (enums,
 * components) an unknown name; the params of every registered component and every event kind included. Each
 * file goes through {@code receco validate}, which must exit 2 naming the value's file:line:column and key path,
 * print no stack trace and write nothing.
 */
class BadInputHarnessTest {
    private static final ComponentCatalog CATALOG = ComponentCatalog.standard();
    /** A value that marks the key under test while the document is written out. */
    private static final String BAD = "\u0000bad";

    @TempDir
    Path dir;

    /** One generated file: the document, where its bad value is, and the key path a problem must name. */
    private record Case(String name, Map<String, Object> document, String bad, String path, boolean atKey) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadValueIsRefusedAtItsLine() {
        List<Case> cases = new ArrayList<>();
        section(Scenario.class, new ArrayList<>(), cases, null);
        assertTrue(cases.size() > 300, "cases: " + cases.size());
        CliApp cli = RecEcoCli.commandLine(CATALOG);
        int[] n = {0};
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(cli, c, n[0]++)));
    }

    private void check(CliApp cli, Case c, int index) throws IOException {
        StringBuilder yaml = new StringBuilder();
        int[] at = write(c.document(), 0, yaml, c.bad());
        Path file = Files.writeString(dir.resolve("case" + index + ".yaml"), yaml.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("validate", file.toString());
        String text = err.toString();
        String where = file + ":" + at[0] + ":" + at[1] + ": key path '" + c.path() + "': ";
        assertEquals(RecEcoCli.INVALID_INPUT, exit, yaml + "\n" + out + text);
        assertTrue(text.contains(where), "expected " + where + " in\n" + text + "for\n" + yaml);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.toString().endsWith(".yaml")), "nothing is written");
        }
    }

    // ---------------------------------------------------------------------------------------- generation

    /**
     * Adds the cases of every key of {@code type} written at {@code prefix}; {@code base} is what the section
     * needs beside the key under test (an event's type and round), or null.
     */
    private void section(Class<?> type, List<Object> prefix, List<Case> cases, Map<String, Object> base) {
        cases.add(at(prefix, base, "bogusKey", "1", "unknown sibling", true));
        NamedComponent named = type.getAnnotation(NamedComponent.class);
        for (RecordComponent rc : type.getRecordComponents()) {
            String key = rc.getName();
            if (named != null && key.equals("params")) {
                componentParams(named, prefix, cases, base);
                continue;
            }
            if (named != null && key.equals(named.nameKey())) {
                cases.add(at(prefix, base, key, "noSuchComponent", "unknown name", false));
                cases.add(at(prefix, base, key, "[1]", "wrong type", false));
                continue;
            }
            value(rc.getGenericType(), rc.getAnnotation(Range.class), prefix, key, cases, base);
        }
    }

    private void value(Type type, Range range, List<Object> prefix, String key, List<Case> cases,
                       Map<String, Object> base) {
        if (type instanceof ParameterizedType p) {
            cases.add(at(prefix, base, key, "7", "wrong type", false));
            Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
            if (List.class.equals(p.getRawType()) && arg instanceof Class<?> item) {
                listItems(item, prefix, key, cases, base);
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        boolean integer = c == int.class || c == Integer.class || c == long.class || c == Long.class;
        boolean number = integer || c == double.class || c == Double.class || c == float.class || c == Float.class;
        if (number) {
            cases.add(at(prefix, base, key, "abc", "wrong type", false));
            for (String v : List.of(".nan", ".inf", "-.inf")) {
                cases.add(at(prefix, base, key, v, v, false));
            }
            if (range != null && Double.isFinite(range.min())) {
                cases.add(at(prefix, base, key, integer ? Long.toString((long) Math.ceil(range.min()) - 1)
                        : Double.toString(range.min() - 1), "below minimum", false));
            }
            if (range != null && Double.isFinite(range.max())) {
                cases.add(at(prefix, base, key, integer ? Long.toString((long) Math.floor(range.max()) + 1)
                        : Double.toString(range.max() + 1), "above maximum", false));
            }
        } else if (c == boolean.class || c == Boolean.class) {
            cases.add(at(prefix, base, key, "maybe", "wrong type", false));
        } else if (c == String.class) {
            cases.add(at(prefix, base, key, "{a: 1}", "wrong type", false));
        } else if (c.isEnum()) {
            cases.add(at(prefix, base, key, "noSuchName", "unknown name", false));
        } else if (c.isRecord()) {
            cases.add(at(prefix, base, key, "7", "wrong type", false));
            List<Object> inner = new ArrayList<>(prefix);
            inner.add(key);
            section(c, inner, cases, base);
        } else if (c == EventSpec.class) {
            throw new IllegalStateException("events are lists");
        }
    }

    /** Cases of the items of a list of records: every event kind, every key of a population. */
    private void listItems(Class<?> item, List<Object> prefix, String key, List<Case> cases,
                           Map<String, Object> base) {
        if (base != null) {
            return; // lists inside list items (an event's authorIds) get the wrong-type case only
        }
        List<Object> inner = new ArrayList<>(prefix);
        inner.add(key);
        inner.add(0);
        if (item == EventSpec.class) {
            for (var kind : EventKinds.registry().entries().entrySet()) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", kind.getKey());
                event.put("round", "1");
                event.putAll(required(kind.getValue()));
                cases.add(at(inner, event, "type", "noSuchEvent", "unknown event kind", false));
                section(kind.getValue(), inner, cases, event);
            }
        } else if (item == PopulationSpec.class) {
            section(item, inner, cases, new LinkedHashMap<>(required(item)));
        }
    }

    /** Values of the keys a list item must give, by name: what a file would write. */
    private static Map<String, Object> required(Class<?> type) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            switch (rc.getName()) {
                case "name" -> out.put("name", "joiners");
                case "count" -> out.put("count", "5");
                case "model" -> out.put("model", "simuline");
                default -> {
                }
            }
        }
        return out;
    }

    /** Every key of every registered component's params, under the section naming that component. */
    private void componentParams(NamedComponent named, List<Object> prefix, List<Case> cases,
                                 Map<String, Object> base) {
        List<String> names = base == null || !base.containsKey(named.nameKey())
                ? new ArrayList<>(CATALOG.components(named.registry()).keySet())
                : List.of((String) base.get(named.nameKey()));
        if (base != null && !base.containsKey(named.nameKey())) {
            names = List.of(names.get(0)); // inside an event: one component is enough
        }
        for (String name : names) {
            Map<String, Object> withName = Map.of(named.nameKey(), name);
            List<Object> inner = new ArrayList<>(prefix);
            inner.add("params");
            Class<? extends Record> params = CATALOG.components(named.registry()).get(name).paramsType();
            List<Case> mine = new ArrayList<>();
            section(params, inner, mine, base);
            for (Case c : mine) {
                // the component's name is written beside its params, in the section holding both
                Map<String, Object> doc = c.document();
                Object holder = doc;
                for (Object step : prefix) {
                    holder = step instanceof Integer i ? ((List<?>) holder).get(i) : cast(holder).get(step);
                }
                for (var e : withName.entrySet()) {
                    cast(holder).putIfAbsent(e.getKey(), e.getValue());
                }
                cases.add(new Case(name + " " + c.name(), doc, c.bad(), c.path(), c.atKey()));
            }
        }
    }

    /**
     * A document with {@code key: value} at {@code prefix} (a path of keys and list indices) beside {@code base};
     * {@code atKey} when the problem is expected at the key rather than the value.
     */
    private static Case at(List<Object> prefix, Map<String, Object> base, String key, String value, String what,
                           boolean atKey) {
        Map<String, Object> root = new LinkedHashMap<>();
        Object holder = root;
        String lastKey = null;
        for (Object step : prefix) {
            if (step instanceof Integer) {
                List<Object> list = new ArrayList<>();
                ((Map<String, Object>) cast(holder)).put(lastKey, list);
                Map<String, Object> item = base == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base);
                list.add(item);
                holder = item;
                lastKey = null;
                continue;
            }
            if (lastKey != null) {
                Map<String, Object> next = new LinkedHashMap<>();
                cast(holder).put(lastKey, next);
                holder = next;
            }
            lastKey = (String) step;
        }
        if (lastKey != null) {
            Map<String, Object> next = new LinkedHashMap<>();
            cast(holder).put(lastKey, next);
            holder = next;
        }
        Map<String, Object> section = cast(holder);
        section.remove(key);
        section.put(key, BAD + value);
        StringBuilder path = new StringBuilder();
        for (Object step : prefix) {
            path.append(step).append('.');
        }
        path.append(key);
        if (root.containsKey("events")) {
            root.put("rounds", "10");
        }
        return new Case(path + " " + what + " (" + value + ")", root, value, path.toString(), atKey);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /**
     * Writes {@code map} as block YAML at {@code indent}; returns the 1-based line and column of the bad value
     * (of its key for an unknown key), or null when it is not in this map.
     */
    @SuppressWarnings("unchecked")
    private static int[] write(Map<String, Object> map, int indent, StringBuilder out, String bad) {
        int[] found = null;
        boolean first = true;
        for (var e : map.entrySet()) {
            String pad = " ".repeat(indent);
            if (indent >= 2 && first && out.toString().endsWith("- ")) {
                pad = ""; // the first key of a list item follows its dash
            }
            first = false;
            int line = (int) out.chars().filter(ch -> ch == '\n').count() + 1;
            int keyColumn = out.length() - out.lastIndexOf("\n") + pad.length();
            if (e.getValue() instanceof Map<?, ?> m) {
                out.append(pad).append(e.getKey()).append(":\n");
                int[] f = write((Map<String, Object>) m, indent + 2, out, bad);
                found = found == null ? f : found;
            } else if (e.getValue() instanceof List<?> list) {
                out.append(pad).append(e.getKey()).append(":\n");
                for (Object item : list) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    int[] f = write((Map<String, Object>) item, indent + 4, out, bad);
                    found = found == null ? f : found;
                }
            } else {
                String v = (String) e.getValue();
                boolean isBad = v.startsWith(BAD);
                out.append(pad).append(e.getKey()).append(": ").append(isBad ? v.substring(BAD.length()) : v)
                        .append('\n');
                if (isBad) {
                    found = e.getKey().equals("bogusKey") ? new int[] {line, keyColumn}
                            : new int[] {line, keyColumn + e.getKey().length() + 2};
                }
            }
        }
        return found;
    }
}
