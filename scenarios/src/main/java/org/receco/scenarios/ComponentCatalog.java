package org.receco.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.receco.agents.Components;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.RecommenderFactory;
import org.receco.core.util.Registry;

/**
 * The named implementations a scenario may refer to, by kind ({@code "recommender"}, {@code "user model"},
 * {@code "author model"}, the {@link org.receco.scenarios.model.NamedComponentSpec#registry()} strings). The
 * validator and the schema generator see the registries only through this interface, so tests can supply
 * their own components. Implementations must be safe to read from several threads.
 */
public interface ComponentCatalog {
    String RECOMMENDER = "recommender";
    String USER_MODEL = "user model";
    String AUTHOR_MODEL = "author model";

    /**
     * A registered implementation as the scenario layer sees it.
     *
     * @param paramsType the record whose components are the keys allowed under {@code params}
     * @param defaults   the parameters used for keys a scenario leaves out (an instance of paramsType)
     */
    record Component(String name, String description, Class<? extends Record> paramsType, Record defaults) {
        public Component {
            if (!paramsType.isInstance(defaults)) {
                throw new IllegalArgumentException("defaults of '" + name + "' are not a " + paramsType.getName());
            }
        }
    }

    /** The implementations of {@code kind} by name, in registration order; empty for an unknown kind. */
    Map<String, Component> components(String kind);

    default Optional<Component> find(String kind, String name) {
        return Optional.ofNullable(components(kind).get(name));
    }

    /** The catalog backed by {@link Components}' registries (read at each call, so late registrations count). */
    static ComponentCatalog standard() {
        return kind -> switch (kind) {
            case RECOMMENDER -> fromRecommenders(Components.RECOMMENDERS);
            case USER_MODEL -> fromFactories(Components.USER_MODELS);
            case AUTHOR_MODEL -> fromFactories(Components.AUTHOR_MODELS);
            default -> Map.of();
        };
    }

    /** A fixed catalog, e.g. for tests. */
    static ComponentCatalog of(Map<String, List<Component>> byKind) {
        Map<String, Map<String, Component>> copy = new LinkedHashMap<>();
        byKind.forEach((kind, list) -> {
            Map<String, Component> byName = new LinkedHashMap<>();
            for (Component c : list) {
                byName.put(c.name(), c);
            }
            copy.put(kind, Collections.unmodifiableMap(byName));
        });
        return kind -> copy.getOrDefault(kind, Map.of());
    }

    private static Map<String, Component> fromRecommenders(Registry<RecommenderFactory<?>> registry) {
        Map<String, Component> out = new LinkedHashMap<>();
        registry.entries().forEach((name, f) ->
                out.put(name, new Component(name, f.description(), f.paramsType(), f.defaults())));
        return Collections.unmodifiableMap(out);
    }

    private static <T> Map<String, Component> fromFactories(Registry<ComponentFactory<?, T>> registry) {
        Map<String, Component> out = new LinkedHashMap<>();
        registry.entries().forEach((name, f) ->
                out.put(name, new Component(name, f.description(), f.paramsType(), f.defaults())));
        return Collections.unmodifiableMap(out);
    }
}
