package org.receco.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table of the run database, declared once: from this one declaration follow its DDL, the transaction its
 * rows go into, what crash clean-up removes, what a digest covers and what CSV export writes. The kernel's own
 * tables are declarations of this type ({@link Schema#BUILT_IN}); a component declares its own with
 * {@link org.receco.core.spi.RunTables#table} and appends rows for the round being played.
 *
 * @param name            lower-case SQL name, unique in the database
 * @param description     one line for readers; stored in the database's {@code store_tables} catalogue
 * @param columns         in table order
 * @param key             the primary key, which is also the canonical row order of digests and CSV export
 * @param roundColumn     the INTEGER column naming the round whose transaction wrote a row: crash clean-up
 *                        deletes rows of rounds after the last complete one by it (null: not written round by
 *                        round, rows only before the run starts, as the kernel's channels)
 * @param volatileColumns columns left out of digests (wall-clock time, environment), in table order
 * @param indexes         extra indexes, each a list of columns
 */
public record TableSpec(String name, String description, List<Column> columns, List<String> key, String roundColumn,
                        Set<String> volatileColumns, List<List<String>> indexes) {
    public TableSpec {
        if (name == null || !Column.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name '" + name
                    + "': use lower-case letters, digits and '_', starting with a letter (at most 63)");
        }
        description = Objects.requireNonNullElse(description, "");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        volatileColumns = Set.copyOf(volatileColumns);
        indexes = indexes.stream().map(List::copyOf).toList();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + ": no columns");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("table " + name + ": column " + c.name() + " declared twice");
            }
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("table " + name
                    + ": a key is needed (it orders rows canonically for digests and export)");
        }
        for (String k : key) {
            requireColumn(name, names, k, "key");
        }
        if (new HashSet<>(key).size() != key.size()) {
            throw new IllegalArgumentException("table " + name + ": key " + key + " names a column twice");
        }
        if (roundColumn != null) {
            requireColumn(name, names, roundColumn, "round column");
            Column rc = columns.get(indexOf(columns, roundColumn));
            if (rc.type() != ColumnType.INTEGER || rc.nullable()) {
                throw new IllegalArgumentException("table " + name + ": round column " + roundColumn
                        + " must be INTEGER NOT NULL");
            }
        }
        for (String v : volatileColumns) {
            requireColumn(name, names, v, "volatile column");
            if (key.contains(v) || v.equals(roundColumn)) {
                throw new IllegalArgumentException("table " + name + ": volatile column " + v
                        + " cannot be part of the key or the round column");
            }
        }
        for (List<String> index : indexes) {
            if (index.isEmpty()) {
                throw new IllegalArgumentException("table " + name + ": an index needs columns");
            }
            for (String c : index) {
                requireColumn(name, names, c, "index column");
            }
        }
    }

    /** A table keyed by {@code key} whose rows are written in the transaction of the round in {@code roundColumn}. */
    public static TableSpec of(String name, String description, String roundColumn, List<String> key,
                               Column... columns) {
        return new TableSpec(name, description, List.of(columns), key, roundColumn, Set.of(), List.of());
    }

    /** This table with {@code names} left out of digests. */
    public TableSpec withVolatile(String... names) {
        Set<String> v = new LinkedHashSet<>(volatileColumns);
        v.addAll(List.of(names));
        return new TableSpec(name, description, columns, key, roundColumn, v, indexes);
    }

    /** This table with an index on {@code cols}. */
    public TableSpec withIndex(String... cols) {
        List<List<String>> ix = new ArrayList<>(indexes);
        ix.add(List.of(cols));
        return new TableSpec(name, description, columns, key, roundColumn, volatileColumns, ix);
    }

    /** Position of column {@code column} (0-based), or -1. */
    public int columnIndex(String column) {
        return indexOf(columns, column);
    }

    /** The canonical row order as an SQL {@code ORDER BY} list. */
    public String orderBy() {
        return String.join(", ", key);
    }

    /** The volatile columns in table order (a stable spelling for the catalogue). */
    List<String> volatileInOrder() {
        return columns.stream().map(Column::name).filter(volatileColumns::contains).toList();
    }

    private static int indexOf(List<Column> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireColumn(String table, Set<String> names, String c, String role) {
        if (!names.contains(c)) {
            throw new IllegalArgumentException("table " + table + ": " + role + " '" + c + "' is not a column; columns: "
                    + String.join(", ", names));
        }
    }
}
