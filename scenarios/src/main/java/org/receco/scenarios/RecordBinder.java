package org.receco.scenarios;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receco.agents.space.SpaceParams;
import org.receco.core.config.Range;
import org.receco.scenarios.ComponentCatalog.Component;
import org.receco.scenarios.Node.Entry;
import org.receco.scenarios.Node.ListNode;
import org.receco.scenarios.Node.MapNode;
import org.receco.scenarios.Node.ScalarNode;
import org.receco.scenarios.model.AddPopulationSpec;
import org.receco.scenarios.model.CrossChecked;
import org.receco.scenarios.model.EventSpec;
import org.receco.scenarios.model.NamedComponent;
import org.receco.scenarios.model.PopulationSpec;
import org.receco.scenarios.model.Problems;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.model.UsersSpec;

/**
 * Validates a {@link Node} tree against record types by reflection and builds the records through their
 * canonical constructors. Supported component types: int, long, double, boolean (and their boxes), String,
 * enums, {@code List<X>}, {@code Map<String, Object>}, nested records, and interfaces whose records are
 * registered by name ({@link org.receco.scenarios.model.EventKinds}; selected by their type key, defaults
 * merged in per type). Records marked {@link NamedComponent} have their name checked against the {@link ComponentCatalog}
 * and their {@code params} merged over the component's defaults and validated against its parameter record.
 * Every problem found is collected; a sub-tree with problems yields {@link #INVALID} instead of a value.
 * Not thread-safe: one binder per load.
 */
final class RecordBinder {
    /** The result of binding a sub-tree that has problems. */
    static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };

    private final ComponentCatalog catalog;
    private final Map<String, Node> subtypeDefaults;
    private final List<Problem> problems;
    private final List<String> dropped = new ArrayList<>();
    /** Positions in the file of the events kept when some were dropped; null when none were. */
    private List<Integer> keptEvents;

    /**
     * @param subtypeDefaults per type name of a polymorphic item (e.g. {@code breaking-news}), the defaults
     *                        merged under it
     */
    RecordBinder(ComponentCatalog catalog, Map<String, Node> subtypeDefaults, List<Problem> problems) {
        this.catalog = catalog;
        this.subtypeDefaults = subtypeDefaults;
        this.problems = problems;
    }

    /** The events an overridden round count cut off, as "type at round N" (see {@link #crossCheck}). */
    List<String> dropped() {
        return List.copyOf(dropped);
    }

    /**
     * Binds a tree to {@code type}.
     *
     * @param element   the record component being bound (for {@link Range}), or null
     * @param path      dotted key path of {@code node}
     * @param keyOrigin where the key naming {@code node} was written (where a record's cross-field errors go)
     */
    Object bind(Node node, Type type, AnnotatedElement element, String path, Origin keyOrigin) {
        Range range = element == null ? null : element.getAnnotation(Range.class);
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
            if (List.class.equals(raw)) {
                return bindList(node, arg, element, path);
            }
            if (Map.class.equals(raw)) {
                return bindMap(node, arg, element, path);
            }
            throw new IllegalStateException("unsupported configuration type " + type + " at " + path);
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class) {
            return integer(node, path, range, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (c == long.class || c == Long.class) {
            return integer(node, path, range, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            Object d = number(node, path, range);
            return d != INVALID && (c == float.class || c == Float.class) ? (Object) ((Double) d).floatValue() : d;
        }
        if (c == boolean.class || c == Boolean.class) {
            return bool(node, path);
        }
        if (c == String.class) {
            return string(node, path);
        }
        if (c.isEnum()) {
            return enumValue(node, c, path);
        }
        if (c.isRecord()) {
            return bindRecord(node, c, path, keyOrigin, List.of(), null);
        }
        if (PlainValues.isPolymorphic(c)) {
            return bindPolymorphic(node, c, path, keyOrigin);
        }
        if (c == Object.class) {
            return Node.toPlain(node);
        }
        throw new IllegalStateException("unsupported configuration type " + c.getName() + " at " + path);
    }

    // ----------------------------------------------------------------------------------------------- scalars

    private Object integer(Node node, String path, Range range, long typeMin, long typeMax) {
        String expected = TypeText.describe("an integer", range);
        if (!(node instanceof ScalarNode s) || s.isNull()
                || !(s.value() instanceof Integer || s.value() instanceof Long || s.value() instanceof BigInteger)) {
            String got = TypeText.got(node);
            String hint = node instanceof ScalarNode s2 && (s2.value() instanceof Double
                    || s2.value() instanceof BigDecimal) ? "expected an integer, got the fraction " + got
                    : "expected an integer, got " + got;
            return fail(node.origin(), path, hint, expected);
        }
        BigInteger v = new BigInteger(s.value().toString());
        if (v.compareTo(BigInteger.valueOf(typeMin)) < 0 || v.compareTo(BigInteger.valueOf(typeMax)) > 0) {
            return fail(node.origin(), path, s.text() + " is too large for this key", expected);
        }
        long l = v.longValue();
        if (range != null && (l < range.min() || l > range.max())) {
            return fail(node.origin(), path, s.text() + " is out of range", expected);
        }
        return typeMax == Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }

    private Object number(Node node, String path, Range range) {
        String expected = TypeText.describe("a number", range);
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof Number n)) {
            return fail(node.origin(), path, "expected a number, got " + TypeText.got(node), expected);
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return fail(node.origin(), path, Scalars.notFinite(s), expected);
        }
        if (range != null && !(d >= range.min() && d <= range.max())) {
            return fail(node.origin(), path, s.text() + " is out of range", expected);
        }
        return d;
    }

    private Object bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        return fail(node.origin(), path, "expected true or false, got " + TypeText.got(node), "true, false");
    }

    private Object string(Node node, String path) {
        if (node instanceof ScalarNode s && !s.isNull()) {
            return s.value() instanceof String str ? str : s.text();
        }
        return fail(node.origin(), path, "expected a string, got " + TypeText.got(node), "a string");
    }

    private Object enumValue(Node node, Class<?> type, String path) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        if (!(node instanceof ScalarNode s) || s.isNull()) {
            return fail(node.origin(), path, "expected one of the names below, got " + TypeText.got(node),
                    String.join(", ", names));
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(s.text())) {
                return constant;
            }
        }
        return fail(node.origin(), path, "unknown value '" + s.text() + "'" + Suggest.didYouMean(s.text(), names),
                String.join(", ", names));
    }

    // ------------------------------------------------------------------------------------------ collections

    private Object bindList(Node node, Type itemType, AnnotatedElement element, String path) {
        if (node instanceof ScalarNode s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof ListNode l)) {
            return fail(node.origin(), path, "expected a list, got " + TypeText.got(node),
                    "a list, e.g. [] or [1, 2]");
        }
        List<Object> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < l.items().size(); i++) {
            Node item = l.items().get(i);
            Object v = bind(item, itemType, element, path + "." + i, item.origin());
            ok &= v != INVALID;
            out.add(v);
        }
        return ok ? Collections.unmodifiableList(out) : INVALID;
    }

    private Object bindMap(Node node, Type valueType, AnnotatedElement element, String path) {
        if (node instanceof ScalarNode s && s.isNull()) {
            return Map.of();
        }
        if (!(node instanceof MapNode m)) {
            return fail(node.origin(), path, "expected a section of keys, got " + TypeText.got(node),
                    "a mapping, e.g. {} or {key: value}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
            Object v = bind(e.getValue().value(), valueType, element, path + "." + e.getKey(),
                    e.getValue().keyOrigin());
            ok &= v != INVALID;
            out.put(e.getKey(), v);
        }
        return ok ? Collections.unmodifiableMap(out) : INVALID;
    }

    // -------------------------------------------------------------------------------------------- records

    /**
     * @param extraKeys keys allowed besides the components (the type key of a polymorphic item)
     * @param owner     how to name the record in unknown-key errors ("recommender 'bpr'"), or null
     */
    private Object bindRecord(Node node, Class<?> type, String path, Origin keyOrigin, List<String> extraKeys,
                              String owner) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> keys = Arrays.stream(components).map(RecordComponent::getName).toList();
        if (node instanceof ScalarNode s && s.isNull()) {
            node = MapNode.empty(node.origin());
        }
        if (!(node instanceof MapNode m)) {
            return fail(node.origin(), path, "expected a section with keys, got " + TypeText.got(node),
                    String.join(", ", keys));
        }
        List<String> allowed = new ArrayList<>(extraKeys);
        allowed.addAll(keys);
        for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String what = owner == null ? "unknown key '" + e.getKey() + "'"
                        : "unknown parameter '" + e.getKey() + "' of " + owner;
                problems.add(new Problem(e.getValue().keyOrigin(), join(path, e.getKey()),
                        what + Suggest.didYouMean(e.getKey(), allowed), String.join(", ", allowed)));
            }
        }

        NamedComponent named = type.getAnnotation(NamedComponent.class);
        Resolved resolved = named == null ? null : resolveComponent(m, named, path);
        Optional<Component> component = resolved == null ? Optional.empty() : Optional.ofNullable(resolved.component());

        Object[] values = new Object[components.length];
        boolean ok = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            String childPath = join(path, rc.getName());
            Entry entry = m.entries().get(rc.getName());
            if (entry == null && named != null && rc.getName().equals("params")) {
                entry = new Entry(keyOrigin, MapNode.empty(keyOrigin)); // params are optional: the defaults
            }
            if (entry == null) {
                values[i] = fail(keyOrigin, childPath, "required key is missing",
                        TypeText.describe(rc.getGenericType(), rc.getAnnotation(Range.class)));
            } else if (named != null && rc.getName().equals(named.nameKey())) {
                values[i] = resolved.name();
            } else if (named != null && rc.getName().equals("params")) {
                values[i] = component.isPresent()
                        ? bindParams(entry, component.get(), named.registry(), childPath)
                        : bindMap(entry.value(), Object.class, null, childPath);
            } else {
                values[i] = bind(entry.value(), rc.getGenericType(), rc, childPath, entry.keyOrigin());
            }
            ok &= values[i] != INVALID;
        }
        if (named != null && component.isEmpty()) {
            ok = false;
        }
        if (!ok || !crossCheck(type, m, values, path)) {
            return INVALID;
        }
        Object built = construct(type, components, values, path, keyOrigin);
        if (built instanceof Scenario scenario && !checkSections(scenario, m, path)) {
            return INVALID;
        }
        return built;
    }

    /**
     * Lets every {@link CrossChecked} section of the bound scenario (events one by one) check itself against the
     * whole, reporting at its own values; false when any reported.
     */
    private boolean checkSections(Scenario scenario, MapNode m, String path) {
        int before = problems.size();
        for (RecordComponent rc : Scenario.class.getRecordComponents()) {
            Object value;
            try {
                value = rc.getAccessor().invoke(scenario);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of a scenario", e);
            }
            Entry entry = m.entries().get(rc.getName());
            if (entry == null) {
                continue;
            }
            String at = join(path, rc.getName());
            if (value instanceof CrossChecked section) {
                section.check(scenario, located(entry.value(), at));
            } else if (value instanceof List<?> list && entry.value() instanceof ListNode items) {
                boolean cut = rc.getName().equals("events") && keptEvents != null;
                for (int i = 0; i < list.size(); i++) {
                    int written = cut ? keptEvents.get(i) : i; // the item's position in the file
                    if (list.get(i) instanceof CrossChecked section) {
                        section.check(scenario, located(items.items().get(written), at + "." + written));
                    }
                }
            }
        }
        return problems.size() == before;
    }

    /** Problems reported relative to {@code section}, placed at the value their key names. */
    private Problems located(Node section, String path) {
        return (key, message, allowed) -> problems.add(new Problem(locate(section, key).origin(),
                key.isEmpty() ? path : join(path, key), message, allowed));
    }

    /** The node at dotted {@code key} below {@code node}, or the deepest one on the way that exists. */
    static Node locate(Node node, String key) {
        if (key.isEmpty()) {
            return node;
        }
        Node at = node;
        for (String part : key.split("\\.")) {
            Node next = null;
            if (at instanceof MapNode map && map.entries().containsKey(part)) {
                next = map.entries().get(part).value();
            } else if (at instanceof ListNode list && part.matches("[0-9]+")
                    && Integer.parseInt(part) < list.items().size()) {
                next = list.items().get(Integer.parseInt(part));
            }
            if (next == null) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /** The name of a named section (or INVALID) and the component it names (or null). */
    private record Resolved(Object name, Component component) {
    }

    /** The component a named section refers to; an unknown name is reported at the name's value. */
    private Resolved resolveComponent(MapNode m, NamedComponent named, String path) {
        Entry nameEntry = m.entries().get(named.nameKey());
        if (nameEntry == null) {
            return new Resolved(INVALID, null);
        }
        Object name = string(nameEntry.value(), join(path, named.nameKey()));
        if (name == INVALID) {
            return new Resolved(INVALID, null);
        }
        Map<String, Component> known = catalog.components(named.registry());
        Component c = known.get((String) name);
        if (c == null) {
            String allowed = known.isEmpty() ? "(no " + named.registry() + " is registered)"
                    : String.join(", ", known.keySet());
            problems.add(new Problem(nameEntry.value().origin(), join(path, named.nameKey()), "unknown "
                    + named.registry() + " '" + name + "'" + Suggest.didYouMean((String) name, known.keySet()),
                    allowed));
        }
        return new Resolved(name, c);
    }

    /** Params merged over the component's defaults, validated against its record, returned as a plain map. */
    private Object bindParams(Entry entry, Component component, String registry, String path) {
        Origin defaultsOrigin = Origin.of("defaults of " + registry + " '" + component.name() + "'");
        Node defaults = Node.fromPlain(PlainValues.ofRecord(component.defaults()), defaultsOrigin);
        Node merged = Node.merge(defaults, entry.value());
        Object params = bindRecord(merged, component.paramsType(), path, entry.keyOrigin(), List.of(),
                registry + " '" + component.name() + "'");
        if (params == INVALID) {
            return INVALID;
        }
        return PlainValues.ofRecord((Record) params);
    }

    private Object bindPolymorphic(Node node, Class<?> type, String path, Origin keyOrigin) {
        String typeKey = PlainValues.typeKey(type);
        Map<String, Class<?>> subtypes = PlainValues.subtypes(type);
        String names = String.join(", ", subtypes.keySet());
        if (!(node instanceof MapNode m)) {
            return fail(node.origin(), path, "expected a section with a '" + typeKey + "' key, got "
                    + TypeText.got(node), typeKey + ": " + names);
        }
        Entry typeEntry = m.entries().get(typeKey);
        if (typeEntry == null) {
            return fail(keyOrigin, join(path, typeKey), "required key is missing (it selects the kind of "
                    + TypeText.simpleName(type) + ")", names);
        }
        Object name = string(typeEntry.value(), join(path, typeKey));
        if (name == INVALID) {
            return INVALID;
        }
        Class<?> sub = subtypes.get((String) name);
        if (sub == null) {
            return fail(typeEntry.value().origin(), join(path, typeKey), "unknown " + typeKey + " '" + name + "'"
                    + Suggest.didYouMean((String) name, subtypes.keySet()), names);
        }
        Node merged = Node.merge(subtypeDefaults.get((String) name), m);
        return bindRecord(merged, sub, path, keyOrigin, List.of(typeKey), null);
    }

    /**
     * Constraints between sections, checked here so that they are reported at the offending value rather
     * than at the top of the file: events must fall within the run.
     */
    private boolean crossCheck(Class<?> type, MapNode m, Object[] values, String path) {
        if (type == UsersSpec.class) {
            return checkPopulations(m, values, path);
        }
        if (type == SpaceParams.class) {
            return checkSpace(m, values, path);
        }
        if (type != Scenario.class) {
            return true;
        }
        int rounds = (Integer) values[indexOf(type, "rounds")];
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) values[indexOf(type, "events")];
        ListNode eventNodes = (ListNode) m.entries().get("events").value();
        boolean ok = true;
        if (m.entries().get("rounds").value().origin().assignment() != null) {
            // rounds comes from an override (--rounds, a sweep's or study's rounds=): the run is the first rounds
            // of the scenario, so the events after them are left out, and said so, rather than refused
            List<Object> kept = new ArrayList<>();
            List<Node> keptNodes = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                EventSpec e = (EventSpec) events.get(i);
                if (e.round() >= rounds) {
                    dropped.add(e.type() + " at round " + e.round());
                } else {
                    kept.add(e);
                    keptNodes.add(eventNodes.items().get(i));
                    positions.add(i);
                }
            }
            if (kept.size() < events.size()) {
                values[indexOf(type, "events")] = kept;
                events = kept;
                eventNodes = new ListNode(eventNodes.origin(), keptNodes);
                keptEvents = positions;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            int round = ((EventSpec) events.get(i)).round();
            if (round >= rounds) {
                Entry at = ((MapNode) eventNodes.items().get(i)).entries().get("round");
                Origin origin = at == null ? eventNodes.items().get(i).origin() : at.value().origin();
                fail(origin, join(path, "events." + i + ".round"), "round " + round
                        + " is not before the end of the run (rounds: " + rounds + ")", "0 to " + (rounds - 1));
                ok = false;
            }
        }
        List<String> populations = new ArrayList<>(((UsersSpec) values[indexOf(type, "users")]).all().stream()
                .map(PopulationSpec::name).toList());
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof AddPopulationSpec add) {
                ok &= uniqueName(add.name(), populations, eventNodes.items().get(i),
                        join(path, "events." + (keptEvents == null ? i : keptEvents.get(i)) + ".name"));
            }
        }
        return ok;
    }

    /**
     * The users section is one population ({@code count}, {@code model}, {@code params}) or a list of them: a
     * file giving both is an error (null and {} count as not given: the resolved YAML writes them so), as is a
     * population name given twice.
     */
    private boolean checkPopulations(MapNode m, Object[] values, String path) {
        @SuppressWarnings("unchecked")
        List<PopulationSpec> populations = (List<PopulationSpec>) values[indexOf(UsersSpec.class, "populations")];
        if (populations.isEmpty()) {
            return true;
        }
        boolean ok = true;
        for (String single : List.of("count", "model", "params")) {
            Entry e = m.entries().get(single);
            boolean written = e != null && !ScenarioLoader.DEFAULTS_SOURCE.equals(e.value().origin().source())
                    && !(e.value() instanceof MapNode p && p.entries().isEmpty());
            if (written) {
                fail(e.keyOrigin(), join(path, single), "'" + single + "' is for a single population; with '"
                        + "populations' give it in each population", "populations, or count, model, params");
                ok = false;
            }
        }
        ListNode items = (ListNode) m.entries().get("populations").value();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < populations.size(); i++) {
            ok &= uniqueName(populations.get(i).name(), seen, items.items().get(i),
                    join(path, "populations." + i + ".name"));
        }
        return ok;
    }

    /**
     * The space's constructor would refuse these too, but at the {@code space:} line: the weights are checked here
     * so that a bad entry is reported at the entry and a list of the wrong length at the list.
     */
    private boolean checkSpace(MapNode m, Object[] values, String path) {
        int topics = (Integer) values[indexOf(SpaceParams.class, "topics")];
        int dims = (Integer) values[indexOf(SpaceParams.class, "dims")];
        boolean ok = true;
        if (values[indexOf(SpaceParams.class, "kind")] == SpaceParams.Kind.dirichlet && topics != dims) {
            fail(m.entries().get("topics").value().origin(), join(path, "topics"), "a dirichlet space has one topic "
                    + "per attribute, so topics (" + topics + ") must equal dims (" + dims + ")", String.valueOf(dims));
            ok = false;
        }
        @SuppressWarnings("unchecked")
        List<Double> weights = (List<Double>) values[indexOf(SpaceParams.class, "topicWeights")];
        if (weights.isEmpty()) {
            return ok;
        }
        Node list = m.entries().get("topicWeights").value();
        String at = join(path, "topicWeights");
        if (weights.size() != topics) {
            fail(list.origin(), at, "one weight per topic is needed: " + topics + " topics (space.topics), got "
                    + weights.size() + " weights", topics + " non-negative numbers, or [] for equal weights");
            ok = false;
        }
        boolean positive = false;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) < 0) {
                fail(locate(list, String.valueOf(i)).origin(), at + "." + i, "weight " + weights.get(i)
                        + " is negative", "a number >= 0");
                ok = false;
            }
            positive |= weights.get(i) > 0;
        }
        if (!positive && ok) {
            fail(list.origin(), at, "the weights are all zero, so no topic could be drawn",
                    "at least one weight > 0, or [] for equal weights");
            ok = false;
        }
        return ok;
    }

    /** Adds {@code name} to {@code taken}, or reports it at the item's name if it is there already. */
    private boolean uniqueName(String name, List<String> taken, Node item, String path) {
        if (!taken.contains(name)) {
            taken.add(name);
            return true;
        }
        Entry at = item instanceof MapNode im ? im.entries().get("name") : null;
        fail(at == null ? item.origin() : at.value().origin(), path, "population '" + name
                + "' is declared already; population names must be unique", "a name other than "
                + String.join(", ", taken));
        return false;
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] values, String path,
                             Origin keyOrigin) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    || cause instanceof IllegalStateException) {
                String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                return fail(keyOrigin, path, message, null);
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static int indexOf(Class<?> record, String component) {
        RecordComponent[] cs = record.getRecordComponents();
        for (int i = 0; i < cs.length; i++) {
            if (cs[i].getName().equals(component)) {
                return i;
            }
        }
        throw new IllegalStateException(record.getName() + " has no component " + component);
    }

    private Object fail(Origin origin, String path, String message, String allowed) {
        problems.add(new Problem(origin, path, message, allowed));
        return INVALID;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
