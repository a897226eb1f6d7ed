package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random values valid against the JSON Schema subset {@link JsonSchemaCheck} checks, for test servers that must
 * answer like a grammar-constrained model without one: an enum or const picks a listed value, numbers fall
 * within their bounds, strings and arrays meet their length bounds, an object has every declared property.
 * {@code anyOf}/{@code oneOf} take their first branch.
 */
final class SchemaInstances {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final int DEFAULT_MAX = 5;

    private SchemaInstances() {
    }

    /** A value valid against {@code schema} (anything for a null or empty schema), drawn from {@code rng}. */
    static JsonNode example(JsonNode schema, SplittableRandom rng) {
        if (schema == null || !schema.isObject()) {
            return N.objectNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray() && !en.isEmpty()) {
            return en.get(rng.nextInt(en.size()));
        }
        for (String alt : new String[] {"anyOf", "oneOf", "allOf"}) {
            JsonNode branches = schema.get(alt);
            if (branches != null && branches.isArray() && !branches.isEmpty()) {
                return example(branches.get(0), rng);
            }
        }
        JsonNode type = schema.get("type");
        String t = type == null ? "object" : type.isArray() ? type.get(0).asText() : type.asText();
        return switch (t) {
            case "object" -> object(schema, rng);
            case "array" -> array(schema, rng);
            case "integer" -> {
                long lo = (long) Math.ceil(schema.path("minimum").asDouble(0));
                long hi = (long) Math.floor(schema.path("maximum").asDouble(lo + DEFAULT_MAX));
                yield N.numberNode(hi <= lo ? lo : lo + rng.nextLong(hi - lo + 1));
            }
            case "number" -> {
                double lo = schema.path("minimum").asDouble(0);
                double hi = schema.path("maximum").asDouble(lo + 1);
                yield N.numberNode(hi <= lo ? lo : lo + rng.nextDouble() * (hi - lo));
            }
            case "string" -> {
                int lo = schema.path("minLength").asInt(1);
                int hi = Math.max(lo, schema.path("maxLength").asInt(Math.max(lo, 12)));
                int len = lo + rng.nextInt(hi - lo + 1);
                StringBuilder sb = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    sb.append((char) ('a' + rng.nextInt(26)));
                }
                yield N.textNode(sb.toString());
            }
            case "boolean" -> N.booleanNode(rng.nextBoolean());
            case "null" -> N.nullNode();
            default -> N.objectNode();
        };
    }

    private static ObjectNode object(JsonNode schema, SplittableRandom rng) {
        ObjectNode o = N.objectNode();
        JsonNode props = schema.get("properties");
        if (props != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                o.set(p.getKey(), example(p.getValue(), rng));
            }
        }
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode r : required) {
                if (!o.has(r.asText())) {
                    o.set(r.asText(), N.objectNode());
                }
            }
        }
        return o;
    }

    private static ArrayNode array(JsonNode schema, SplittableRandom rng) {
        int lo = schema.path("minItems").asInt(0);
        int hi = Math.max(lo, schema.path("maxItems").asInt(Math.max(lo, 3)));
        int n = lo + rng.nextInt(hi - lo + 1);
        ArrayNode a = N.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add(example(schema.get("items"), rng));
        }
        return a;
    }
}
