package org.receco.core.spi;

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
}
