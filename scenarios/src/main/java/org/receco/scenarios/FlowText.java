package org.receco.scenarios;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;

/**
 * A node as one line of YAML flow text, as a sweep's or a study's value is handed to the scenario loader
 * ({@code path=value}) and shown in messages: JSON (a subset of YAML flow style) written with Jackson's
 * streaming generator, which needs no data binding. The text is part of a run's scenario hash, so its form
 * must not change: {@code [1,"x"]}, {@code {"k":2}}.
 */
final class FlowText {
    private static final JsonFactory JSON = new JsonFactory();

    private FlowText() {
    }

    static String of(Node node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A string in double quotes, escaped as JSON (and so as YAML). */
    static String quoted(String s) {
        return of(new ScalarNode(Origin.of(""), s, s));
    }

    private static void write(JsonGenerator g, Node node) throws IOException {
        if (node instanceof MapNode m) {
            g.writeStartObject();
            for (Map.Entry<String, Node.Entry> e : m.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue().value());
            }
            g.writeEndObject();
        } else if (node instanceof ListNode l) {
            g.writeStartArray();
            for (Node item : l.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            ScalarNode s = (ScalarNode) node;
            Object v = s.value();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof BigInteger b) {
                g.writeNumber(b);
            } else if (v instanceof BigDecimal b) {
                g.writeNumber(b);
            } else if (v instanceof Double d && Double.isFinite(d)) {
                g.writeNumber(d);
            } else if (v instanceof Double) {
                // .inf and .nan as written, so that the loader reads them back as such (and refuses them).
                g.writeRawValue(s.text());
            } else {
                g.writeString(String.valueOf(v));
            }
        }
    }
}
