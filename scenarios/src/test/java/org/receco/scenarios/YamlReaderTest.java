package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;
import org.receco.scenarios.study.StudyDefinition;
import org.receco.scenarios.study.StudyRunner;
import org.receco.scenarios.sweep.SweepFile;
import org.receco.scenarios.sweep.SweepPlan;

class YamlReaderTest {
    @Test
    void recordsLineAndColumnOfKeysAndValues() {
        List<Problem> problems = new ArrayList<>();
        MapNode root = (MapNode) YamlReader.read("f.yaml", "a: 1\nb:\n  c: [x, 2.5]\n  d: off\n", problems);
        assertTrue(problems.isEmpty());
        assertEquals(Origin.at("f.yaml", 1, 1), root.entries().get("a").keyOrigin());
        assertEquals(Origin.at("f.yaml", 1, 4), root.entries().get("a").value().origin());
        MapNode b = (MapNode) root.entries().get("b").value();
        assertEquals(Origin.at("f.yaml", 3, 3), b.entries().get("c").keyOrigin());
        ListNode c = (ListNode) b.entries().get("c").value();
        assertEquals(Origin.at("f.yaml", 3, 10), c.items().get(1).origin());
        assertEquals(2.5, ((ScalarNode) c.items().get(1)).value());
        ScalarNode d = (ScalarNode) b.entries().get("d").value();
        assertEquals(Boolean.FALSE, d.value());
        assertEquals("off", d.text());
    }

    @Test
    void anEmptyOrCommentsOnlyFileIsRefusedAndAnEmptyMappingIsNot() {
        for (String text : List.of("", "# only a comment\n", "\n\n")) {
            ScenarioException e = assertThrows(ScenarioException.class,
                    () -> YamlReader.readMapping("f.yaml", text, "scenario", "rounds, users", "write `{}` for all defaults"));
            assertEquals("f.yaml: no scenario keys in f.yaml; write `{}` for all defaults; allowed: rounds, users",
                    e.getMessage());
        }
        assertTrue(YamlReader.readMapping("f.yaml", "{}  # defaults\n", "scenario", "", "").entries().isEmpty());
    }

    @Test
    void emptyValuesAreNullAndEmptyDocumentsAreNull() {
        List<Problem> problems = new ArrayList<>();
        MapNode root = (MapNode) YamlReader.read("f", "a:\n", problems);
        assertTrue(((ScalarNode) root.entries().get("a").value()).isNull());
        assertNull(YamlReader.read("f", "", problems));
        assertNull(YamlReader.read("f", "# only a comment\n", problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void yamlInfinitiesAreNumbers() {
        List<Problem> problems = new ArrayList<>();
        MapNode root = (MapNode) YamlReader.read("f", "a: .inf\nb: -.inf\n", problems);
        assertEquals(Double.POSITIVE_INFINITY, ((ScalarNode) root.entries().get("a").value()).value());
        assertEquals(Double.NEGATIVE_INFINITY, ((ScalarNode) root.entries().get("b").value()).value());
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreProblems() {
        List<Problem> problems = new ArrayList<>();
        assertNull(YamlReader.read("f", "a: [1\n", problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().startsWith("YAML syntax error"), problems.get(0).toString());
        problems.clear();
        YamlReader.read("f", "a:\n  b: 1\n  b: 2\n", problems);
        assertEquals("f:3:3: key path 'a.b': duplicate key (first given at line 2)", problems.get(0).toString());
    }

    private static List<String> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        assertNull(YamlReader.read("f", text, problems), text);
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void aSecondDocumentIsRefusedAtItsLine() {
        assertEquals(List.of("f:3:1: a second YAML document starts here; a file holds one document (remove this "
                + "'---' and what follows, or make them another file)"), problems("a: 1\n# next\n---\nb: 2\n"));
    }

    @Test
    void aTabUsedForIndentationIsNamedAtTheTab() {
        assertEquals(List.of("f:3:1: YAML syntax error: tab character used for indentation (YAML indents with spaces "
                + "only)"), problems("a:\n  b: 1\n\tc: 2\n"));
    }

    @Test
    void unclosedBracketsAndQuotesNameWhereTheyWereOpened() {
        List<String> brace = problems("a: 1\nb: {c: 1, d: 2\ne: 3\n");
        assertEquals(1, brace.size(), brace.toString());
        assertTrue(brace.get(0).contains("YAML syntax error: unclosed '{' opened at 2:4 (expected ',' or '}'"),
                brace.get(0));
        List<String> bracket = problems("a: [1, 2\nb: 3\n");
        assertTrue(bracket.get(0).contains("YAML syntax error: unclosed '[' opened at 1:4 (expected ',' or ']'"),
                bracket.get(0));
        List<String> quote = problems("a: 'one\n");
        assertTrue(quote.get(0).contains("YAML syntax error: unclosed quote opened at 1:4"), quote.get(0));
    }

    @Test
    void otherSyntaxErrorsSayWhatIsWrongAtTheirPlace() {
        assertEquals(List.of("f:2:5: YAML syntax error: mapping values are not allowed here"),
                problems("a: 1\nb: c: d\n"));
    }

    @Test
    void aKeyMustBeASingleValueAndAnAliasCannotContainItself() {
        assertEquals(List.of("f:1:3: a key must be a single value, got a list"), problems("? [a, b]\n: c\n"));
        assertEquals(List.of("f:1:4: key path 'a.b': an alias refers to the section or list that contains it"),
                problems("a: &x\n  b: *x\n"));
    }

    @Test
    void binaryInputIsNotUtf8TextWithTheByteAndItsOffset(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bin.yaml");
        Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xff, 0});
        ScenarioException e = assertThrows(ScenarioException.class, () -> YamlReader.readText(f, "file"));
        assertEquals(f + ": not UTF-8 text (byte 0xFF at offset 3)", e.getMessage());
        assertEquals("a: é\n", YamlReader.readText(Files.writeString(dir.resolve("ok.yaml"), "a: é\n"), "file"));
    }

    /**
     * Every scalar resolves as Jackson's streaming YAML parser (the reader before this one) resolved it, so that
     * every file keeps its meaning: YAML 1.1 booleans, octal and hex, separators, sizes of integers, strings.
     */
    @Test
    void scalarsResolveAsJacksonsYamlParserDid() throws Exception {
        List<String> scalars = List.of("1", "-7", "+5", "0", "010", "0x1F", "-0x10", "0b101", "0o17", "1_000",
                "3000000000", "-3000000000", "123456789012345678901234", "2.5", "-1.5e3", "1e3", "1_0.5", ".5", "09",
                "1:30", "1:30.5", "yes", "No", "ON", "off", "y", "n", "true", "False", "~", "null", "", "'5'",
                "\"off\"", "text", "2024-01-01", "<<", "=", "!!str 5", "!!int 12", "!!float 3", "!!bool yes",
                ".inf", "-.inf", ".NaN", "+.inf");
        for (String scalar : scalars) {
            List<Problem> problems = new ArrayList<>();
            ScalarNode mine = (ScalarNode) ((MapNode) YamlReader.read("f", "v: " + scalar + "\n", problems))
                    .get("v");
            assertTrue(problems.isEmpty(), scalar + ": " + problems);
            assertEquals(jackson(scalar), mine.value() == null ? null : List.of(mine.value().getClass(), mine.value()),
                    scalar);
        }
    }

    /** The value class and value Jackson's streaming YAML parser gives {@code scalar} (null for a YAML null). */
    private static List<Object> jackson(String scalar) throws Exception {
        try (JsonParser p = new YAMLFactory().createParser("v: " + scalar + "\n")) {
            p.nextToken();
            p.nextToken();
            Object v = switch (p.nextToken()) {
                case VALUE_NULL -> null;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p);
                default -> p.getText();
            };
            return v == null ? null : List.of(v.getClass(), v);
        }
    }

    /** As the reader before this one read a number Jackson could not convert ({@code .inf}). */
    private static Object number(JsonParser p) throws Exception {
        try {
            return p.getNumberValue();
        } catch (JsonProcessingException e) {
            return switch (p.getText().toLowerCase(Locale.ROOT)) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> p.getText();
            };
        }
    }

    /** The messages of the problems of reading {@code text} as a file of each kind, the file names dropped. */
    private static Map<String, List<String>> messagesByKind(Path dir, String scenarioText, String studyText,
                                                            String sweepText) {
        Fixtures.write(dir, "world.yaml", "rounds: 5\n");
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("scenario", messages(() -> new ScenarioLoader(Fixtures.CATALOG).load(
                Fixtures.write(dir, "scenario.yaml", scenarioText))));
        out.put("study", messages(() -> StudyRunner.load(StudyDefinition.read(
                Fixtures.write(dir, "study.yaml", studyText)), Fixtures.CATALOG, 1)));
        out.put("sweep", messages(() -> SweepPlan.of(SweepFile.read(
                Fixtures.write(dir, "sweep.yaml", sweepText), List.of()), new ScenarioLoader(Fixtures.CATALOG))));
        return out;
    }

    private static List<String> messages(Runnable load) {
        ScenarioException e = assertThrows(ScenarioException.class, load::run);
        return e.problems().stream().map(p -> p.origin().line() + ":" + p.origin().column() + " " + p.message())
                .toList();
    }

    /**
     * The same slip reads the same, at the same place, in a scenario, a study and a sweep file: they share one
     * reader (a duplicate key names both lines, a tab is named) and one reading of numbers (no key takes
     * {@code .inf} or {@code .nan}).
     */
    @Test
    void theSameSlipGivesTheSameMessageInEveryKindOfFile(@TempDir Path dir) {
        Map<String, List<String>> duplicate = messagesByKind(dir,
                "rounds: 5\nname: a\nname: b\n",
                "scenario: world.yaml\nname: a\nname: b\n",
                "scenario: world.yaml\nname: a\nname: b\nparameters: {rounds: [2, 3]}\n");
        assertEquals(List.of("3:1 duplicate key (first given at line 2)"), duplicate.get("scenario"));
        assertEquals(duplicate.get("scenario"), duplicate.get("study"));
        assertEquals(duplicate.get("scenario"), duplicate.get("sweep"));

        Map<String, List<String>> tab = messagesByKind(dir, "rounds: 5\nusers:\n\tcount: 3\n",
                "scenario: world.yaml\nset:\n\trounds: 3\n", "scenario: world.yaml\nset:\n\trounds: 3\n");
        assertEquals(List.of("3:1 YAML syntax error: tab character used for indentation (YAML indents with spaces "
                + "only)"), tab.get("scenario"));
        assertEquals(tab.get("scenario"), tab.get("study"));
        assertEquals(tab.get("scenario"), tab.get("sweep"));

        for (String notFinite : List.of(".inf", "-.inf", ".nan")) {
            Map<String, List<String>> inf = messagesByKind(dir,
                    "rounds: 5\nstore: {impressionSample: " + notFinite + "}\n",
                    "scenario: world.yaml\noptions: {nicheShare: " + notFinite + "}\n",
                    "scenario: world.yaml\nparameters: {rounds: {from: 1, to: " + notFinite + ", step: 1}}\n");
            String col = inf.get("scenario").get(0).substring(0, inf.get("scenario").get(0).indexOf(' '));
            assertEquals(List.of(col + " " + notFinite + " is not a finite number"), inf.get("scenario"));
            for (String kind : List.of("study", "sweep")) {
                List<String> m = inf.get(kind);
                assertEquals(1, m.size(), kind + ": " + m);
                assertEquals(notFinite + " is not a finite number", m.get(0).substring(m.get(0).indexOf(' ') + 1),
                        kind);
                assertTrue(m.get(0).startsWith("2:"), kind + ": " + m);
            }
        }
    }

    /**
     * Reading a file and rendering its values as override text must not load Jackson at all: not the data
     * binding, nor its YAML parser (their start-up costs show in every short command). Checked in a fresh class
     * loader, since this JVM's tests load them anyway.
     */
    @Test
    void readingAndRenderingLoadNoJacksonDataBindingOrYamlParser() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (Probe loader = new Probe(urls.toArray(URL[]::new))) {
            Class<?> reader = loader.loadClass(YamlReader.class.getName());
            assertEquals(loader, reader.getClassLoader(), "the probe must load its own copy");
            Object doc = reader.getMethod("readMapping", String.class, String.class, String.class, String.class,
                    String.class).invoke(null, "f", "a: [1, 2]\nb: {c: 'd e'}\n", "scenario", "", "");
            Object a = doc.getClass().getMethod("get", String.class).invoke(doc, "a");
            Object b = doc.getClass().getMethod("get", String.class).invoke(doc, "b");
            Class<?> node = loader.loadClass(Node.class.getName());
            assertEquals("[1,2]", node.getMethod("overrideText").invoke(a));
            assertEquals("{\"c\":\"d e\"}", node.getMethod("overrideText").invoke(b));
            assertFalse(loader.loaded("com.fasterxml.jackson.databind.ObjectMapper"));
            assertFalse(loader.loaded("com.fasterxml.jackson.dataformat.yaml.YAMLFactory"));
        }
    }

    /** A class loader that does not delegate to the application's and says which classes it has loaded. */
    private static final class Probe extends URLClassLoader {
        Probe(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
