package org.receco.agents.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> check(String schema, String value) throws Exception {
        JsonNode s = JSON.readTree(schema);
        return JsonSchemaCheck.problems(s, JSON.readTree(value));
    }

    private static final String PAGE = "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"watch\","
            + "\"next\"],\"properties\":{\"watch\":{\"type\":\"array\",\"maxItems\":2,\"items\":{\"type\":"
            + "\"integer\",\"minimum\":0,\"maximum\":3}},\"next\":{\"enum\":[\"NEXT\",\"EXIT\"]},\"why\":{\"type\":"
            + "[\"string\",\"null\"],\"maxLength\":5}}}";

    @Test
    void acceptsValidValues() throws Exception {
        assertEquals(List.of(), check(PAGE, "{\"watch\":[0,3],\"next\":\"EXIT\"}"));
        assertEquals(List.of(), check(PAGE, "{\"watch\":[],\"next\":\"NEXT\",\"why\":null}"));
        assertEquals(List.of(), check(PAGE, "{\"watch\":[2.0],\"next\":\"NEXT\",\"why\":\"ok\"}"));
    }

    @Test
    void namesEachProblemWithItsPath() throws Exception {
        List<String> p = check(PAGE, "{\"watch\":[0,7,1],\"next\":\"STAY\",\"why\":\"too long\",\"x\":1}");
        assertTrue(p.contains("$: unexpected 'x'"), p.toString());
        assertTrue(p.contains("$.watch: more than 2 items"), p.toString());
        assertTrue(p.contains("$.watch[1]: 7 is above the maximum 3"), p.toString());
        assertTrue(p.contains("$.next: \"STAY\" is not one of [\"NEXT\",\"EXIT\"]"), p.toString());
        assertTrue(p.contains("$.why: text longer than 5"), p.toString());
        assertEquals(5, p.size(), p.toString());
        assertEquals(List.of("$: missing required 'next'"), check(PAGE, "{\"watch\":[]}"));
        assertEquals(List.of("$: expected \"object\", got array"), check(PAGE, "[1]"));
        assertEquals(List.of("$.watch[0]: expected \"integer\", got number"),
                check(PAGE, "{\"watch\":[1.5],\"next\":\"NEXT\"}"));
        assertEquals(List.of("$: 0 is below the minimum 1"), check("{\"minimum\":1}", "0"));
    }
}
