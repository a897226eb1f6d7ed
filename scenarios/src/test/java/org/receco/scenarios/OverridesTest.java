package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.scenarios.Node.MapNode;

class OverridesTest {
    private final List<Problem> problems = new ArrayList<>();

    private Object apply(String yaml, String... overrides) {
        Node root = YamlReader.read("f", yaml, problems);
        return Node.toPlain(Overrides.apply(root, List.of(overrides), problems));
    }

    @Test
    void setsNestedKeysCreatingSectionsAndReadingValuesAsYaml() {
        Object out = apply("a: {b: 1}\nl: [{r: 1}]\n", "a.b=2", "a.c.d=x", "l.0.r=5", "l.1.r=6", "a.e=[1, 2]",
                "a.f={g: 1}", "a.h=");
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(Map.of("a", Map.of("b", 2, "c", Map.of("d", "x"), "e", List.of(1, 2), "f", Map.of("g", 1),
                "h", ""), "l", List.of(Map.of("r", 5), Map.of("r", 6))), out);
    }

    @Test
    void laterOverridesWinAndValuesKeepTheirText() {
        Node root = YamlReader.read("f", "a: 1\n", problems);
        MapNode out = (MapNode) Overrides.apply(root, List.of("a=2", "a=off"), problems);
        Node.ScalarNode a = (Node.ScalarNode) out.entries().get("a").value();
        assertEquals("off", a.text());
        assertEquals(Origin.override("a=off"), a.origin());
        assertEquals(Origin.override("a=off"), out.entries().get("a").keyOrigin());
    }

    @Test
    void badOverridesAreProblemsNamingTheOverride() {
        apply("a: 1\nl: []\n", "a.b=1", "l.x=1", "l.2=1", "=1", "a..b=1", "noequals", "a=[1");
        assertEquals(7, problems.size(), problems.toString());
        assertEquals("--set a.b=1: key path 'a': 'a' is a single value, not a section, so it has no key 'b'",
                problems.get(0).toString());
        assertEquals("--set l.x=1: key path 'l.x': 'l' is a list of 0 items, so 'x' is not an index of it; "
                + "allowed: 0 (appends)", problems.get(1).toString());
        assertTrue(problems.get(6).toString().startsWith("--set a=[1: YAML syntax error"), problems.get(6).toString());
    }
}
