package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

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
}
