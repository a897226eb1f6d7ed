package org.receco.core.spi;

import java.util.function.Function;

/**
 * Creates a named component (a user model, an author model) from its parameter record {@code P}, whose
 * components are the YAML keys under the section's {@code params}; validated in its compact constructor.
 */
public interface ComponentFactory<P extends Record, T> {
    String name();

    String description();

    Class<P> paramsType();

    P defaults();

    T create(P params);

    /** A factory from its parts. */
    static <P extends Record, T> ComponentFactory<P, T> of(String name, String description, Class<P> paramsType,
                                                           P defaults, Function<P, T> create) {
        return new ComponentFactory<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Class<P> paramsType() {
                return paramsType;
            }

            @Override
            public P defaults() {
                return defaults;
            }

            @Override
            public T create(P params) {
                return create.apply(params);
            }
        };
    }
}
