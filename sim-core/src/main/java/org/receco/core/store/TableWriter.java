package org.receco.core.store;

/**
 * Appends rows to one declared table ({@link TableSpec}) for the round being played; they are written in that
 * round's transaction, so they are kept exactly when the round is. Values come in column order, each of a type
 * its {@link ColumnType} accepts; the row's round column must name the round being played (rows appended before
 * round 0 go in with the initial users and items and must name round 0 or earlier; a table without a round column
 * takes rows only then). Rows are stored in key order,
 * so the order of appends never matters, and {@link #append} may be called from the worker threads of a parallel
 * phase.
 */
public interface TableWriter {
    TableSpec spec();

    /** Appends one row; checks arity, types and NULLs now, so a bad row fails where it was made. */
    void append(Object... values);

    /** A writer that checks rows and keeps none (a run without a store). */
    static TableWriter discarding(TableSpec spec) {
        return new TableWriter() {
            @Override
            public TableSpec spec() {
                return spec;
            }

            @Override
            public void append(Object... values) {
                StoredRows.check(spec, values);
            }
        };
    }
}
