package org.receco.scenarios;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.receco.scenarios.Node.Entry;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one YAML reader of scenario, study and sweep files (and {@code --set} values): SnakeYAML composes the text
 * into its node graph, which becomes a {@link Node} tree recording the line and column of every key and value.
 * Malformed text, a second document, duplicate keys and keys that are not single values become {@link Problem}s
 * with the same wording whichever kind of file they are in.
 *
 * <p>Scalars resolve as Jackson's YAML parser resolved them before this reader (so every file means what it
 * meant): YAML 1.1 types by SnakeYAML's resolver, {@code yes/no/on/off} booleans that keep their text (so
 * {@code off} stays usable as an enum name), {@code 0x}/{@code 0b}/leading-zero octal integers,
 * {@code 0o17} a string, {@code _} digit separators, integers as Integer, Long or BigInteger by size,
 * {@code .inf}/{@code .nan} as doubles (which the readers of numbers then refuse), sexagesimal {@code 1:30} as
 * text. Loads nothing of Jackson, whose start-up the short commands avoid.
 */
public final class YamlReader {
    private final String source;
    private final List<Problem> problems;
    /** The SnakeYAML nodes being converted, to refuse an alias inside what it names (it would never end). */
    private final Set<org.yaml.snakeyaml.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlReader(String source, List<Problem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /**
     * The text of {@code file} (UTF-8); {@code what} names it in problems ("study file").
     *
     * @throws ScenarioException when the file is missing, unreadable or not UTF-8 text
     */
    public static String readText(Path file, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(Origin.of(file.toString()), "", "no such " + what, null));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(Origin.of(file.toString()), "", "cannot read the " + what + ": "
                    + e.getMessage(), null));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            // Binary data, or text in another encoding (Latin-1, UTF-16): the offset finds it in a hex dump.
            throw new ScenarioException(new Problem(Origin.of(file.toString()), "", String.format(Locale.ROOT,
                    "not UTF-8 text (byte 0x%02X at offset %d)", bytes[in.position()] & 0xff, in.position()), null));
        }
        return out.flip().toString();
    }

    /**
     * The one document of a file, which must be a mapping with at least one key.
     *
     * @param kind      what the file holds, for messages ("scenario", "study", "sweep")
     * @param allowed   the keys it may hold, for messages
     * @param emptyHint what to write in an empty file ("write `{}` for all defaults")
     * @throws ScenarioException with every problem of the text, or why it is not a mapping of keys
     */
    public static MapNode readMapping(String source, String text, String kind, String allowed, String emptyHint) {
        List<Problem> problems = new ArrayList<>();
        Node doc = read(source, text, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (Node.isNothing(doc)) {
            // An empty or comments-only file would silently run on defaults (a lost edit, a wrong file).
            throw new ScenarioException(new Problem(Origin.of(source), "", "no " + kind + " keys in " + source
                    + "; " + emptyHint, allowed));
        }
        if (!(doc instanceof MapNode m)) {
            throw new ScenarioException(new Problem(doc.origin(), "", "a " + kind + " file must be a mapping of "
                    + "keys, got " + doc.describe(), allowed));
        }
        return m;
    }

    /**
     * The document in {@code text}, or {@code null} when it is empty; problems are appended to
     * {@code problems} (after a syntax error the result is {@code null}).
     *
     * @param source the name used in origins (a file name, or an override as typed)
     */
    static Node read(String source, String text, List<Problem> problems) {
        return new YamlReader(source, problems).readDocument(text);
    }

    /** Like {@link #read} but every node gets {@code origin} (for {@code --set} values). */
    static Node readWithOrigin(String text, Origin origin, List<Problem> problems) {
        List<Problem> local = new ArrayList<>();
        Node n = new YamlReader(origin.source(), local).readDocument(text);
        for (Problem p : local) {
            problems.add(new Problem(origin, p.path(), p.message(), p.allowed()));
        }
        return n == null ? null : Node.relocate(n, origin);
    }

    private Node readDocument(String text) {
        LoaderOptions options = new LoaderOptions();
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        Composer composer = new Composer(parser, new Resolver(), options);
        try {
            if (!composer.checkNode()) {
                return null;
            }
            org.yaml.snakeyaml.nodes.Node root = composer.getNode();
            if (composer.checkNode()) {
                problems.add(new Problem(at(parser.peekEvent().getStartMark()), "", "a second YAML document starts "
                        + "here; a file holds one document (remove this '---' and what follows, or make them "
                        + "another file)", null));
                return null;
            }
            int before = problems.size();
            Node doc = convert(root, "");
            return problems.size() > before ? null : doc;
        } catch (MarkedYAMLException e) {
            problems.add(syntaxError(e, text));
        } catch (ReaderException e) {
            problems.add(new Problem(at(text, e.getPosition()), "", String.format(Locale.ROOT,
                    "YAML syntax error: character U+%04X is not allowed in YAML text", e.getCodePoint()), null));
        } catch (YAMLException e) {
            problems.add(new Problem(Origin.of(source), "", "YAML syntax error: " + firstLine(e.getMessage()), null));
        }
        return null;
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node node, String path) {
        Origin at = at(node.getStartMark());
        if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
            return new ScalarNode(at, value(s), s.getValue());
        }
        if (!open.add(node)) {
            problems.add(new Problem(at, path, "an alias refers to the section or list that contains it", null));
            return new ScalarNode(at, null, "");
        }
        try {
            if (node instanceof SequenceNode seq) {
                List<Node> items = new ArrayList<>();
                for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                    items.add(convert(item, path + "." + items.size()));
                }
                return new ListNode(at, items);
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                Origin keyAt = at(t.getKeyNode().getStartMark());
                if (!(t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k)) {
                    problems.add(new Problem(keyAt, path, "a key must be a single value, got "
                            + (t.getKeyNode() instanceof SequenceNode ? "a list" : "a section of keys"), null));
                    continue;
                }
                String key = k.getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                Node value = convert(t.getValueNode(), childPath);
                Entry previous = entries.put(key, new Entry(keyAt, value));
                if (previous != null) {
                    problems.add(new Problem(keyAt, childPath, "duplicate key (first given at line "
                            + previous.keyOrigin().line() + ")", null));
                }
            }
            return new MapNode(at, entries);
        } finally {
            open.remove(node);
        }
    }

    // ----------------------------------------------------------------------------------- scalar resolution

    /** The scalar as the YAML 1.1 tag SnakeYAML's resolver (or an explicit tag) gave it. */
    private static Object value(org.yaml.snakeyaml.nodes.ScalarNode s) {
        Tag tag = s.getTag();
        String text = s.getValue();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            Boolean b = bool(text);
            return b == null ? text : b;
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return real(text);
        }
        return text;
    }

    /** YAML 1.1 booleans, any letter case (an explicit {@code !!bool} also takes y and n). */
    private static Boolean bool(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "y", "yes", "on", "true" -> Boolean.TRUE;
            case "n", "no", "off", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * A YAML 1.1 integer: optional sign, then {@code 0b} binary, {@code 0x} hex, a leading zero for octal, or
     * decimal, with {@code _} separators; anything else (sexagesimal {@code 1:30}) stays text.
     */
    private static Object integer(String text) {
        int i = 0;
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        String body = text.substring(i);
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char c = body.charAt(1);
            if (c == 'b' || c == 'B') {
                radix = 2;
                body = body.substring(2);
            } else if (c == 'x' || c == 'X') {
                radix = 16;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        body = body.replace("_", "");
        BigInteger v;
        try {
            v = new BigInteger(body, radix);
        } catch (NumberFormatException e) {
            return text;
        }
        if (v.signum() < 0 || body.startsWith("+")) {
            return text;
        }
        v = negative ? v.negate() : v;
        if (v.bitLength() < Integer.SIZE) {
            return v.intValue();
        }
        return v.bitLength() < Long.SIZE ? (Object) v.longValue() : v;
    }

    /** A YAML 1.1 float, with {@code .inf}, {@code -.inf} and {@code .nan}; anything else stays text. */
    private static Object real(String text) {
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> text;
            };
        }
    }

    // ------------------------------------------------------------------------------------------- messages

    /**
     * SnakeYAML's problem in plain words at the place it was found: its context ("while scanning for the next
     * token") says what it was doing rather than what is wrong, so the two commonest slips are named outright.
     */
    private Problem syntaxError(MarkedYAMLException e, String text) {
        Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Origin where = problemMark == null ? Origin.of(source) : at(problemMark);
        String problem = firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        String context = e.getContext() == null ? "" : e.getContext();
        Mark opened = e.getContextMark();
        String message;
        if (problemMark != null && codePointAt(problemMark) == '\t') {
            message = "tab character used for indentation (YAML indents with spaces only)";
        } else if (context.startsWith("while parsing a flow mapping") && opened != null) {
            message = "unclosed '{' opened at " + (opened.getLine() + 1) + ":" + (opened.getColumn() + 1) + " ("
                    + problem + ")";
        } else if (context.startsWith("while parsing a flow sequence") && opened != null) {
            message = "unclosed '[' opened at " + (opened.getLine() + 1) + ":" + (opened.getColumn() + 1) + " ("
                    + problem + ")";
        } else if (context.startsWith("while scanning a quoted scalar") && opened != null) {
            message = "unclosed quote opened at " + (opened.getLine() + 1) + ":" + (opened.getColumn() + 1) + " ("
                    + problem + ")";
        } else {
            message = problem;
        }
        return new Problem(where, "", "YAML syntax error: " + message, null);
    }

    private static int codePointAt(Mark mark) {
        int[] buffer = mark.getBuffer();
        return buffer != null && mark.getPointer() >= 0 && mark.getPointer() < buffer.length
                ? buffer[mark.getPointer()] : -1;
    }

    private Origin at(Mark mark) {
        return Origin.at(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The line and column of code point {@code position} of {@code text}. */
    private Origin at(String text, int position) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < position; i = text.offsetByCodePoints(i, 1), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Origin.at(source, line, column);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
