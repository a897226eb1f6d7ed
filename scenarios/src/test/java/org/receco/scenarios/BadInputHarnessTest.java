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
 * Bad scenario, study and sweep files. Scenario files are generated from the scenario's records themselves (their types and {@link Range} bounds),
 * so a key added tomorrow is covered the day it is added: for every key, a value of the wrong type, below its
 * minimum, above its maximum, NaN and ±infinity, an unknown sibling key beside it, and for names (enums,
 * components) an unknown name; the params of every registered component and every event kind included. Each
 * file goes through {@code receco validate}, which must exit 2 naming the value's file:line:column and key path,
 * print no stack trace and write nothing. Study and sweep files are read by hand-written readers, not records:
 * their cases are tables below, one or more per key of each reader's key list ({@code StudyDefinition.KEYS},
 * {@code SweepFile.KEYS}; a key missing from a table fails the test), and the same checks apply.
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

    // ------------------------------------------------------------------------------------ study and sweep files

    /** The tiny scenario study and sweep files point at. */
    private static final String BASE_SCENARIO = "users: {count: 30}\nauthors: {count: 3}\nrounds: 3\n";
    private static final String NUMBERS = ".nan .inf -.inf abc";

    /**
     * One bad study or sweep file: top-level keys replaced (or added) over the kind's valid base document, the
     * bad value marked «thus», and the key path the problem must name. A scenario value under {@code set:},
     * {@code arms:} or {@code parameters:} is named by its scenario path ({@code users.count}), as the
     * override's own message gives it.
     */
    private record FileCase(String path, Map<String, String> keys) {
    }

    private static FileCase fc(String path, String... keyValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.put(keyValues[i], keyValues[i + 1]);
        }
        return new FileCase(path, keys);
    }

    /** A case per bad number (NaN, ±infinity, not a number) at {@code path}, written by {@code template}. */
    private static List<FileCase> numbers(String path, String key, String template) {
        List<FileCase> out = new ArrayList<>();
        for (String v : NUMBERS.split(" ")) {
            out.add(fc(path, key, template.replace("#", "«" + v + "»")));
        }
        return out;
    }

    private static final Map<String, String> STUDY_BASE = base("name", "st", "scenario", "base.yaml",
            "arms", "{a: {recommender.name: random}, b: {recommender.name: popular}}", "baseline", "a",
            "replicates", "1", "seed", "1", "metrics", "[gini.interactions]", "options", "{homogenisationPairs: 10}");

    private static List<FileCase> studyCases() {
        List<FileCase> c = new ArrayList<>(List.of(
                fc("bogusKey", "«bogusKey»", "1"),
                fc("name", "name", "«{a: 1}»"),
                fc("description", "description", "«[1]»"),
                fc("scenario", "scenario", "«[1]»"),
                fc("scenario", "scenario", "«nosuch.yaml»"),
                fc("set", "set", "«7»"),
                fc("users.count", "set", "{users.count: «abc»}"),
                fc("users.bogusKey", "set", "{users.bogusKey: «1»}"),
                fc("arms", "arms", "«7»"),
                fc("arms.a", "arms", "{a: «7»}"),
                fc("recommender.name", "arms", "{a: {recommender.name: «nosuch»}}"),
                fc("users.bogusKey", "arms", "{a: {users.bogusKey: «1»}}"),
                fc("baseline", "baseline", "«nosuch»"),
                fc("baseline", "baseline", "«[1]»"),
                fc("replicates", "replicates", "«0»"),
                fc("replicates", "replicates", "«1000001»"),
                fc("seed", "seed", "«1.5»"),
                fc("metrics", "metrics", "«7»"),
                fc("metrics.0", "metrics", "[«gini.interactionz»]"),
                fc("options", "options", "«7»"),
                fc("options.bogusOption", "options", "{«bogusOption»: 1}"),
                fc("options.homogenisationPairs", "options", "{homogenisationPairs: «0»}"),
                fc("options.nicheShare", "options", "{nicheShare: «2»}")));
        c.addAll(numbers("users.count", "set", "{users.count: #}"));
        c.addAll(numbers("users.count", "arms", "{a: {users.count: #}}"));
        c.addAll(numbers("replicates", "replicates", "#"));
        c.addAll(numbers("seed", "seed", "#"));
        c.addAll(numbers("options.homogenisationPairs", "options", "{homogenisationPairs: #}"));
        return c;
    }

    private static final Map<String, String> SWEEP_BASE = base("name", "sw", "scenario", "base.yaml",
            "parameters", "{recommender.name: [random, popular]}", "replicates", "1", "seed", "1",
            "metrics", "[gini.exposure.item]", "curves", "gini.exposure.item");

    private static List<FileCase> sweepCases() {
        String sampled = "{users.count: {intUniform: [10, 20]}}";
        List<FileCase> c = new ArrayList<>(List.of(
                fc("bogusKey", "«bogusKey»", "1"),
                fc("name", "name", "«{a: 1}»"),
                fc("description", "description", "«[1]»"),
                fc("scenario", "scenario", "«[1]»"),
                fc("scenario", "scenario", "«nosuch.yaml»"),
                fc("set", "set", "«7»"),
                fc("users.count", "set", "{users.count: «abc»}"),
                fc("users.bogusKey", "set", "{users.bogusKey: «1»}"),
                fc("parameters", "parameters", "«7»"),
                fc("users.bogusKey", "parameters", "{users.bogusKey: [«1», 2]}"),
                fc("users.count", "parameters", "{users.count: [«abc», 20]}"),
                fc("parameters.users.count.step", "parameters", "{users.count: {from: 10, to: 20, step: «-5»}}"),
                fc("parameters.users.count.bogusKey", "parameters",
                        "{users.count: {from: 10, to: 20, step: 5, «bogusKey»: 1}}"),
                fc("recommender.name", "parameters", "{recommender.name: [«nosuch», popular]}"),
                fc("samples", "parameters", sampled, "samples", "«0»"),
                fc("samples", "parameters", sampled, "samples", "«1000001»"),
                fc("replicates", "replicates", "«0»"),
                fc("replicates", "replicates", "«1000001»"),
                fc("seed", "seed", "«1.5»"),
                fc("seeds", "seeds", "«bogus»"),
                fc("seeds", "seeds", "«[1]»"),
                fc("metrics", "metrics", "«7»"),
                fc("metrics.0", "metrics", "[«gini.exposure.itme»]"),
                fc("curves", "curves", "«gini.exposure.itme»"),
                fc("curves", "curves", "«[1]»"),
                fc("plot", "plot", "«7»"),
                fc("plot.x", "plot", "{x: «users.count»}"),
                fc("plot.bogusKey", "plot", "{«bogusKey»: 1}"),
                fc("output", "output", "«{a: 1}»"),
                fc("digest", "digest", "«maybe»")));
        c.addAll(numbers("users.count", "set", "{users.count: #}"));
        for (String k : List.of("from", "to", "step")) {
            c.addAll(numbers("parameters.users.count." + k, "parameters", "{users.count: {from: 10, to: 20, step: 5}}"
                    .replace(k + ": " + (k.equals("from") ? "10" : k.equals("to") ? "20" : "5"), k + ": #")));
        }
        c.addAll(numbers("parameters.users.count.count", "parameters", "{users.count: {from: 10, to: 20, count: #}}"));
        c.addAll(numbers("samples", "samples", "#").stream()
                .map(f -> fc("samples", "parameters", sampled, "samples", f.keys().get("samples"))).toList());
        c.addAll(numbers("replicates", "replicates", "#"));
        c.addAll(numbers("seed", "seed", "#"));
        return c;
    }

    private static Map<String, String> base(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyBadStudyValueIsRefusedAtItsLine() {
        return fileCases("study", STUDY_BASE, studyCases(), org.receco.scenarios.study.StudyDefinition.KEYS);
    }

    @TestFactory
    Stream<DynamicTest> everyBadSweepValueIsRefusedAtItsLine() {
        return fileCases("sweep", SWEEP_BASE, sweepCases(), org.receco.scenarios.sweep.SweepFile.KEYS);
    }

    private Stream<DynamicTest> fileCases(String kind, Map<String, String> base, List<FileCase> cases,
                                          List<String> keys) {
        for (String key : keys) {
            assertTrue(cases.stream().anyMatch(c -> c.keys().containsKey(key)),
                    kind + " key '" + key + "' has no bad-input case: add one to the table");
        }
        CliApp cli = RecEcoCli.commandLine(CATALOG);
        int[] n = {0};
        return cases.stream().map(c -> DynamicTest.dynamicTest(kind + " " + c.path() + " " + c.keys().values(),
                () -> checkFile(cli, kind, base, c, n[0]++)));
    }

    /**
     * Every generated scenario case (every key, every kind of bad value, as {@link #everyBadValueIsRefusedAtItsLine}
     * makes them) written instead as a study's {@code set:} value, a sweep's {@code set:} value and a sweep's
     * {@code parameters:} value
     * over a base scenario holding what the key needs beside it (its component's name, its event's type and
     * round): the problem must name the value's place in the study or sweep file and the scenario key path it
     * sets.
     */
    @TestFactory
    Stream<DynamicTest> everyScenarioKeySetFromAStudyOrSweepIsRefusedAtItsValue() {
        List<Case> cases = new ArrayList<>();
        section(Scenario.class, new ArrayList<>(), cases, null);
        CliApp cli = RecEcoCli.commandLine(CATALOG);
        int[] n = {0};
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            String scenario = scenarioBeside(c);
            // seed: every run's seed derives from the study's or sweep's own, so the key itself is refused
            boolean seed = c.path().equals("seed");
            String entry = seed ? "«seed»: " + c.bad() : c.path() + ": «" + c.bad() + "»";
            String listed = seed ? "«seed»: [" + c.bad() + "]" : c.path() + ": [«" + c.bad() + "»]";
            // an arm sets what the case does not touch, so the set: value under test is the one that stands
            String armKey = c.path().startsWith("name") ? "description" : "name";
            Map<String, String> study = new LinkedHashMap<>(STUDY_BASE);
            study.put("arms", "{a: {" + armKey + ": x}, b: {" + armKey + ": y}}");
            study.put("set", "{" + entry + "}");
            tests.add(DynamicTest.dynamicTest("study set " + c.name(), () -> checkFile(cli, "study", study,
                    new FileCase(seed ? "set.seed" : c.path(), Map.of()), n[0]++, scenario)));
            Map<String, String> sweepSet = new LinkedHashMap<>(SWEEP_BASE);
            sweepSet.put("parameters", "{" + armKey + ": [x, y]}"); // a swept path wins over set: sweep another
            sweepSet.put("set", "{" + entry + "}");
            tests.add(DynamicTest.dynamicTest("sweep set " + c.name(), () -> checkFile(cli, "sweep", sweepSet,
                    new FileCase(seed ? "set.seed" : c.path(), Map.of()), n[0]++, scenario)));
            Map<String, String> sweep = new LinkedHashMap<>(SWEEP_BASE);
            sweep.put("parameters", "{" + listed + "}");
            tests.add(DynamicTest.dynamicTest("sweep parameters " + c.name(), () -> checkFile(cli, "sweep", sweep,
                    new FileCase(seed ? "parameters.seed" : c.path(), Map.of()), n[0]++, scenario)));
        }
        return tests.stream();
    }

    /** The base scenario of a generated case: the tiny scenario with the case's document, bad entry left out. */
    private static String scenarioBeside(Case c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("users", new LinkedHashMap<>(Map.of("count", "30")));
        doc.put("authors", new LinkedHashMap<>(Map.of("count", "3")));
        doc.put("rounds", "3");
        merge(doc, c.document());
        StringBuilder out = new StringBuilder();
        for (var e : doc.entrySet()) {
            String v = flow(e.getValue());
            if (v != null) {
                out.append(e.getKey()).append(": ").append(v).append('\n');
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (var e : from.entrySet()) {
            if (e.getValue() instanceof String v && v.startsWith(BAD)) {
                continue;
            }
            if (e.getValue() instanceof Map<?, ?> m && into.get(e.getKey()) instanceof Map<?, ?> mine) {
                merge((Map<String, Object>) mine, (Map<String, Object>) m);
            } else {
                into.put(e.getKey(), e.getValue() instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                        : e.getValue());
            }
        }
    }

    /** {@code value} as flow YAML, the bad entry and sections left empty by it dropped (null: nothing left). */
    @SuppressWarnings("unchecked")
    private static String flow(Object value) {
        if (value instanceof String v) {
            return v.startsWith(BAD) ? null : v;
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                String f = flow(o);
                items.add(f == null ? "{}" : f);
            }
            return "[" + String.join(", ", items) + "]";
        }
        List<String> entries = new ArrayList<>();
        for (var e : ((Map<String, Object>) value).entrySet()) {
            String f = flow(e.getValue());
            if (f != null) {
                entries.add(e.getKey() + ": " + f);
            }
        }
        return entries.isEmpty() ? null : "{" + String.join(", ", entries) + "}";
    }

    private void checkFile(CliApp cli, String kind, Map<String, String> base, FileCase c, int index)
            throws IOException {
        checkFile(cli, kind, base, c, index, BASE_SCENARIO);
    }

    private void checkFile(CliApp cli, String kind, Map<String, String> base, FileCase c, int index, String scenario)
            throws IOException {
        Path sub = Files.createDirectories(dir.resolve(kind + index));
        Files.writeString(sub.resolve("base.yaml"), scenario);
        Map<String, String> doc = new LinkedHashMap<>(base);
        doc.putAll(c.keys());
        StringBuilder yaml = new StringBuilder();
        int line = 0;
        int column = 0;
        int lineNo = 1;
        for (var e : doc.entrySet()) {
            String text = e.getKey() + ": " + e.getValue() + "\n";
            int mark = text.indexOf('«');
            if (mark >= 0) {
                line = lineNo;
                column = mark + 1;
            }
            yaml.append(text.replace("«", "").replace("»", ""));
            lineNo++;
        }
        if (kind.equals("sweep") && !doc.containsKey("output")) {
            yaml.append("output: ").append(sub.resolve("out")).append('\n'); // never the working directory
        }
        Path file = Files.writeString(sub.resolve(kind + ".yaml"), yaml.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("validate", file.toString());
        String text = err.toString();
        String where = file + ":" + line + ":" + column + ": key path '" + c.path() + "': ";
        assertEquals(RecEcoCli.INVALID_INPUT, exit, yaml + "\n" + out + text);
        assertTrue(text.contains(where), "expected " + where + " in\n" + text + "for\n" + yaml);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        try (Stream<Path> files = Files.list(sub)) {
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
