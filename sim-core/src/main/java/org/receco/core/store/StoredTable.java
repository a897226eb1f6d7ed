package org.receco.core.store;

import java.util.List;

/**
 * A table as a reader finds it in a run database's {@code store_tables} catalogue ({@link Schema#CATALOGUE}):
 * enough to read it canonically, to digest it and to clean it up after a crash.
 *
 * @param key             primary key, the canonical row order
 * @param roundColumn     the column naming the round whose transaction wrote a row, or null
 * @param volatileColumns columns left out of digests
 * @param builtIn         a kernel table (else declared by a component)
 */
public record StoredTable(String name, String description, List<String> key, String roundColumn,
                          List<String> volatileColumns, boolean builtIn) {
    public StoredTable {
        key = List.copyOf(key);
        volatileColumns = List.copyOf(volatileColumns);
    }

    static StoredTable of(TableSpec t, boolean builtIn) {
        return new StoredTable(t.name(), t.description(), t.key(), t.roundColumn(), t.volatileInOrder(), builtIn);
    }

    /** The canonical row order as an SQL {@code ORDER BY} list. */
    public String orderBy() {
        return String.join(", ", key);
    }

    /** Whether column {@code label} (any case) is left out of digests. */
    public boolean isVolatile(String label) {
        for (String v : volatileColumns) {
            if (v.equalsIgnoreCase(label)) {
                return true;
            }
        }
        return false;
    }
}
