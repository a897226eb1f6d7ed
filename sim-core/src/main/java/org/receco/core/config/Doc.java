package org.receco.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a configuration field means, shown by {@code receco schema} and in validation errors. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE, ElementType.FIELD, ElementType.METHOD,
        ElementType.PARAMETER})
public @interface Doc {
    String value();
}
