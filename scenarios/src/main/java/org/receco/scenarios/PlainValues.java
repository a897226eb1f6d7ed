package org.receco.scenarios;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.scenarios.model.EventKinds;
import org.receco.scenarios.model.EventSpec;

/**
 * Configuration records as plain values (ordered maps, lists, scalars, enum names), the inverse of
 * {@link RecordBinder}: an item declared as a polymorphic interface gets its type key first.
 */
final class PlainValues {
    private PlainValues() {
    }

    /** {@code value}, declared as {@code type}, as unmodifiable plain values. */
    static Object of(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            Class<?> declared = type instanceof Class<?> c ? c : Object.class;
            if (isPolymorphic(declared)) {
                out.put(typeKey(declared), typeName(declared, r.getClass()));
            }
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                out.put(rc.getName(), of(read(rc, r), rc.getGenericType()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(of(o, item));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v, Object.class)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    /** A record as a plain map of its components. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ofRecord(Record r) {
        return (Map<String, Object>) of(r, r.getClass());
    }

    /** Whether items declared as {@code type} take one of several record shapes, selected by a type key. */
    static boolean isPolymorphic(Class<?> type) {
        return type == EventSpec.class;
    }

    /** The record shapes of a {@link #isPolymorphic polymorphic} type by type name (its registry's entries). */
    static Map<String, Class<?>> subtypes(Class<?> polymorphic) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        if (polymorphic == EventSpec.class) {
            out.putAll(EventKinds.registry().entries());
        }
        return out;
    }

    static String typeKey(Class<?> polymorphic) {
        return "type";
    }

    private static String typeName(Class<?> polymorphic, Class<?> concrete) {
        for (Map.Entry<String, Class<?>> t : subtypes(polymorphic).entrySet()) {
            if (t.getValue().equals(concrete)) {
                return t.getKey();
            }
        }
        throw new IllegalStateException(concrete.getName() + " is not a registered subtype of "
                + polymorphic.getName());
    }

    private static Object read(RecordComponent rc, Record r) {
        try {
            Method accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }
}
