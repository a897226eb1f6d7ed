package org.receco.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema that decisions use: {@code type} (one or a list),
 * {@code properties}, {@code required}, {@code additionalProperties: false}, {@code enum}, {@code const},
 * {@code items}, {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength} and
 * {@code minimum}/{@code maximum}. Other keywords are ignored, so a schema that uses them is checked less
 * strictly, never wrongly rejected.
 */
public final class JsonSchemaCheck {
    private JsonSchemaCheck() {
    }

    /** The problems of {@code value} against {@code schema}, each naming its JSON path; empty when valid. */
    public static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> out) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            boolean any = false;
            if (type.isArray()) {
                for (JsonNode t : type) {
                    any |= hasType(v, t.asText());
                }
            } else {
                any = hasType(v, type.asText());
            }
            if (!any) {
                out.add(path + ": expected " + type + ", got " + kind(v));
                return;
            }
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray()) {
            boolean found = false;
            for (JsonNode e : en) {
                found |= sameValue(e, v);
            }
            if (!found) {
                out.add(path + ": " + v + " is not one of " + en);
            }
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !sameValue(constant, v)) {
            out.add(path + ": " + v + " is not " + constant);
        }
        if (v.isNumber()) {
            JsonNode min = schema.get("minimum");
            if (min != null && v.asDouble() < min.asDouble()) {
                out.add(path + ": " + v + " is below the minimum " + min);
            }
            JsonNode max = schema.get("maximum");
            if (max != null && v.asDouble() > max.asDouble()) {
                out.add(path + ": " + v + " is above the maximum " + max);
            }
        }
        if (v.isTextual()) {
            int len = v.asText().codePointCount(0, v.asText().length());
            JsonNode min = schema.get("minLength");
            if (min != null && len < min.asInt()) {
                out.add(path + ": text shorter than " + min);
            }
            JsonNode max = schema.get("maxLength");
            if (max != null && len > max.asInt()) {
                out.add(path + ": text longer than " + max);
            }
        }
        if (v.isArray()) {
            JsonNode min = schema.get("minItems");
            if (min != null && v.size() < min.asInt()) {
                out.add(path + ": fewer than " + min + " items");
            }
            JsonNode max = schema.get("maxItems");
            if (max != null && v.size() > max.asInt()) {
                out.add(path + ": more than " + max + " items");
            }
            JsonNode items = schema.get("items");
            for (int i = 0; i < v.size(); i++) {
                check(items, v.get(i), path + "[" + i + "]", out);
            }
        }
        if (v.isObject()) {
            JsonNode required = schema.get("required");
            if (required != null) {
                for (JsonNode r : required) {
                    if (!v.has(r.asText())) {
                        out.add(path + ": missing required '" + r.asText() + "'");
                    }
                }
            }
            JsonNode props = schema.get("properties");
            boolean closed = schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode sub = props == null ? null : props.get(f.getKey());
                if (sub != null) {
                    check(sub, f.getValue(), path + "." + f.getKey(), out);
                } else if (closed) {
                    out.add(path + ": unexpected '" + f.getKey() + "'");
                }
            }
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
