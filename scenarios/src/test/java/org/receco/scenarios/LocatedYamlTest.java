package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocatedYamlTest {
    @Test
    void recordsWhereEveryKeyAndValueWasWrittenInOrder() {
        LocatedYaml doc = LocatedYaml.read("f.yaml", "a: 1\nb:\n  c: [x, 2.5]\n  d: {e: off}\nz: hello\n");
        assertEquals(List.of("a", "b", "z"), List.copyOf(doc.map().keySet()));
        assertEquals(List.of("a", "b", "z"), List.copyOf(doc.keys().keySet()));
        assertEquals(Origin.at("f.yaml", 1, 1), doc.keyOrigin("a"));
        assertEquals(Origin.at("f.yaml", 1, 4), doc.map().get("a").origin());
        assertEquals(Origin.at("f.yaml", 5, 1), doc.keyOrigin("z"));
        LocatedYaml b = doc.map().get("b");
        assertTrue(b.isMap());
        // A block mapping starts at its first key, a flow mapping at its brace.
        assertEquals(Origin.at("f.yaml", 3, 3), b.origin());
        assertEquals(Origin.at("f.yaml", 4, 6), b.map().get("d").origin());
        LocatedYaml c = b.map().get("c");
        assertTrue(c.isList());
        assertEquals(Origin.at("f.yaml", 3, 10), c.list().get(1).origin());
        assertEquals(2.5, c.list().get(1).value());
        assertEquals("x", c.list().get(0).value());
        assertEquals(1, doc.map().get("a").value());
    }

    @Test
    void overrideTextKeepsScalarsAsWrittenAndRendersListsAndMapsInFlowStyle() {
        LocatedYaml doc = LocatedYaml.read("f", "a: off\nb: [1, x]\nc: {k: 2}\nd: 'two words'\ne: 1.50\n");
        Map<String, LocatedYaml> m = doc.map();
        assertEquals("off", m.get("a").overrideText());
        assertEquals("[1,\"x\"]", m.get("b").overrideText());
        assertEquals("{\"k\":2}", m.get("c").overrideText());
        assertEquals("\"two words\"", m.get("d").overrideText());
        assertEquals("1.50", m.get("e").overrideText());
        assertEquals("a list", m.get("b").describe());
        assertEquals("a mapping", m.get("c").describe());
        assertEquals("'off'", m.get("a").describe());
    }

    @Test
    void emptyValuesAreNothingAndAnEmptyDocumentIsANullAtTheStart() {
        LocatedYaml doc = LocatedYaml.read("f", "a:\n");
        assertNull(doc.map().get("a").value());
        assertEquals("nothing", doc.map().get("a").describe());
        LocatedYaml empty = LocatedYaml.read("f", "# only a comment\n");
        assertNull(empty.value());
        assertEquals(Origin.at("f", 1, 1), empty.origin());
    }

    @Test
    void duplicateKeysAndSyntaxErrorsAreLocatedProblems() {
        ScenarioException dup = assertThrows(ScenarioException.class,
                () -> LocatedYaml.read("f.yaml", "a: 1\nb:\n  x: 1\n  x: 2\n"));
        assertEquals(List.of("f.yaml:4:3: key path 'b.x': duplicate key"),
                dup.problems().stream().map(Problem::toString).toList());
        ScenarioException syntax = assertThrows(ScenarioException.class,
                () -> LocatedYaml.read("f.yaml", "a: [1, 2\nb: 3\n"));
        Problem p = syntax.problems().get(0);
        assertEquals("f.yaml", p.origin().source());
        assertTrue(p.origin().line() > 0, p.toString());
        assertTrue(p.message().startsWith("YAML syntax error: "), p.message());
    }

    /**
     * Reading a file must not load Jackson's data binding (its start-up cost matters for short commands);
     * rendering a list does. Checked in a fresh class loader, since this JVM's tests load it anyway.
     */
    @Test
    void readingLoadsNoDataBindingRenderingDoes() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(url(entry));
        }
        try (Probe loader = new Probe(urls.toArray(URL[]::new))) {
            Class<?> type = loader.loadClass(LocatedYaml.class.getName());
            assertEquals(loader, type.getClassLoader(), "the probe must load its own copy");
            Object doc = type.getMethod("read", String.class, String.class).invoke(null, "f", "a: [1, 2]\nb: {c: d}\n");
            Object a = ((Map<?, ?>) type.getMethod("map").invoke(doc)).get("a");
            assertFalse(loader.loaded("com.fasterxml.jackson.databind.ObjectMapper"));
            assertEquals("[1,2]", type.getMethod("overrideText").invoke(a));
            assertTrue(loader.loaded("com.fasterxml.jackson.databind.ObjectMapper"));
        }
    }

    private static URL url(String entry) throws MalformedURLException {
        return Path.of(entry).toUri().toURL();
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
