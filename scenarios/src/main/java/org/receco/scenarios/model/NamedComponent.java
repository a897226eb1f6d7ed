package org.receco.scenarios.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link NamedComponentSpec} record for the validator and the schema generator: which registry its
 * name is looked up in and which record component holds the name. {@code params} is always the parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NamedComponent {
    /** The registry kind, equal to {@link NamedComponentSpec#registry()}. */
    String registry();

    /** The record component holding the implementation's name ("name" or "model"). */
    String nameKey();
}
