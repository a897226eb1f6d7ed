package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchemaInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void instancesAreValidAndVaryWithTheGenerator() throws Exception {
        List<String> schemas = List.of(
                "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"pick\":{\"type\":\"array\","
                        + "\"items\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":9},\"minItems\":2,"
                        + "\"maxItems\":4},\"why\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":8},"
                        + "\"leave\":{\"type\":\"boolean\"},\"mood\":{\"enum\":[\"ok\",\"tired\"]},"
                        + "\"score\":{\"type\":\"number\",\"minimum\":-1,\"maximum\":1},\"v\":{\"const\":2}},"
                        + "\"required\":[\"pick\",\"why\",\"leave\",\"mood\",\"score\",\"v\"]}",
                "{\"type\":[\"string\",\"null\"],\"minLength\":1}",
                "{\"anyOf\":[{\"type\":\"integer\",\"minimum\":5,\"maximum\":5}]}",
                "{}");
        for (String text : schemas) {
            JsonNode schema = JSON.readTree(text);
            Set<JsonNode> seen = new HashSet<>();
            for (int seed = 0; seed < 30; seed++) {
                JsonNode v = SchemaInstances.example(schema, new SplittableRandom(seed));
                assertEquals(List.of(), JsonSchemaCheck.problems(schema, v), text + " -> " + v);
                seen.add(v);
                assertEquals(v, SchemaInstances.example(schema, new SplittableRandom(seed)), "seeded");
            }
            if (text.contains("pick")) {
                assertTrue(seen.size() > 20, "draws vary: " + seen.size());
            }
        }
    }
}
