package org.receco.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a run table: a lower-case SQL name, its type, and whether it may hold NULL.
 *
 * @param length maximum length of a {@link ColumnType#TEXT} column, 0 for no cap (other types: 0)
 */
public record Column(String name, ColumnType type, int length, boolean nullable) {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name
                    + "': use lower-case letters, digits and '_', starting with a letter (at most 63)");
        }
        if (length < 0 || length > 0 && type != ColumnType.TEXT) {
            throw new IllegalArgumentException("column " + name + ": a length is only for TEXT columns, and >= 1");
        }
    }

    /** A NOT NULL column. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, 0, false);
    }

    /** A column that may hold NULL. */
    public static Column nullable(String name, ColumnType type) {
        return new Column(name, type, 0, true);
    }

    /** The column as written in {@code CREATE TABLE}, e.g. {@code round INTEGER NOT NULL}. */
    String ddl() {
        return Schema.identifier(name) + " " + type.sql() + (length > 0 ? "(" + length + ")" : "")
                + (nullable ? "" : " NOT NULL");
    }
}
