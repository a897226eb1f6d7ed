package org.receco.core.util;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named implementations of one extension point (recommenders, user models, author models, metrics), looked
 * up by the names scenario files use. Preferred over switch ladders: adding an implementation is one
 * {@link #register} call.
 */
public final class Registry<T> {
    private final String kind;
    private final Map<String, T> entries = new LinkedHashMap<>();

    public Registry(String kind) {
        this.kind = kind;
    }

    /** What this registry holds, e.g. "recommender". */
    public String kind() {
        return kind;
    }

    public Registry<T> register(String name, T entry) {
        if (entries.putIfAbsent(name, entry) != null) {
            throw new IllegalStateException(kind + " '" + name + "' is registered twice");
        }
        return this;
    }

    public Optional<T> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The entry called {@code name}, or an error listing the known names. */
    public T get(String name) {
        T t = entries.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; known: "
                    + String.join(", ", entries.keySet()));
        }
        return t;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public Map<String, T> entries() {
        return Collections.unmodifiableMap(entries);
    }
}
