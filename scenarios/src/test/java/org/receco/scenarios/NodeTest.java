package org.receco.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receco.scenarios.Node.MapNode;

class NodeTest {
    private static Node yaml(String source, String text) {
        return YamlReader.read(source, text, new ArrayList<>());
    }

    @Test
    void mapsMergeKeyByKeyListsAndScalarsReplaceNullsKeep() {
        Node lower = yaml("low", "a: 1\nb: {x: 1, y: 2}\nc: [1, 2]\nd: keep\n");
        Node upper = yaml("up", "b: {y: 3, z: 4}\nc: [9]\nd:\n");
        Object merged = Node.toPlain(Node.merge(lower, upper));
        assertEquals(Map.of("a", 1, "b", Map.of("x", 1, "y", 3, "z", 4), "c", List.of(9), "d", "keep"), merged);
    }

    @Test
    void mergedKeysRememberTheHigherLayersOrigin() {
        MapNode merged = (MapNode) Node.merge(yaml("low", "b: {x: 1}\n"), yaml("up", "\n\nb: {y: 2}\n"));
        assertEquals(Origin.at("up", 3, 1), merged.entries().get("b").keyOrigin());
        MapNode b = (MapNode) merged.entries().get("b").value();
        assertEquals("low", b.entries().get("x").keyOrigin().source());
    }

    @Test
    void plainValuesRoundTrip() {
        Map<String, Object> plain = Map.of("a", List.of(1, 2.5, "x"), "b", Map.of("c", true));
        assertEquals(plain, Node.toPlain(Node.fromPlain(plain, Origin.of("t"))));
    }
}
