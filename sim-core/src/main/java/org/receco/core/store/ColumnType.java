package org.receco.core.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL types a run table's column can have, each with the SQL it is declared as and the Java values a
 * {@link TableWriter} accepts for it. A closed set on purpose: readers (digests, CSV export) know how to put each
 * of these into canonical bytes and text.
 */
public enum ColumnType {
    TINYINT("TINYINT", Byte.class),
    SMALLINT("SMALLINT", Short.class, Byte.class),
    INTEGER("INTEGER", Integer.class, Short.class, Byte.class),
    BIGINT("BIGINT", Long.class, Integer.class, Short.class, Byte.class),
    REAL("REAL", Float.class),
    DOUBLE("DOUBLE PRECISION", Double.class, Float.class),
    BOOLEAN("BOOLEAN", Boolean.class),
    /** Text of any length (H2 VARCHAR); {@link Column#length()} may cap it. */
    TEXT("VARCHAR", String.class),
    /** Text too long for {@link #TEXT} (a scenario file, a stack trace). */
    CLOB("CHARACTER LARGE OBJECT", String.class),
    /** A vector; appended as {@code float[]} (copied), 1-based in SQL: {@code vec[1]}. */
    REAL_ARRAY("REAL ARRAY", float[].class),
    /** Wall-clock time; belongs in a table's volatile columns (it differs between identical runs). */
    TIMESTAMP_TZ("TIMESTAMP WITH TIME ZONE", OffsetDateTime.class);

    private final String sql;
    private final List<Class<?>> accepted;

    ColumnType(String sql, Class<?>... accepted) {
        this.sql = sql;
        this.accepted = List.of(accepted);
    }

    /** The type as written in {@code CREATE TABLE}. */
    public String sql() {
        return sql;
    }

    /** Whether {@code v} (not null) can be stored in a column of this type without loss. */
    public boolean accepts(Object v) {
        return accepted.contains(v.getClass());
    }

    /** The Java types {@link #accepts} takes, for error messages. */
    public String javaTypes() {
        return accepted.stream().map(Class::getSimpleName).collect(Collectors.joining(" or "));
    }
}
