package org.receco.core.store;

import java.util.Arrays;
import java.util.List;

/**
 * One round's rows of one declared table, held in a flat, grow-only value array until the writer inserts them.
 * Appends are synchronised: components may append from the worker threads of a parallel phase (rows are stored
 * in key order, so which thread came first never shows).
 */
final class StoredRows {
    final TableSpec spec;
    final int index;
    private final int width;
    private final int roundColumn;
    private Object[] values = new Object[0];
    private int rows;

    StoredRows(TableSpec spec, int index) {
        this.spec = spec;
        this.index = index;
        this.width = spec.columns().size();
        this.roundColumn = spec.roundColumn() == null ? -1 : spec.columnIndex(spec.roundColumn());
    }

    synchronized void add(Object[] row) {
        check(spec, row);
        int need = (rows + 1) * width;
        if (values.length < need) {
            values = Arrays.copyOf(values, Math.max(need, values.length + (values.length >> 1)));
        }
        int off = rows * width;
        for (int c = 0; c < width; c++) {
            Object v = row[c];
            values[off + c] = v instanceof float[] f ? f.clone() : v; // the caller may reuse its array
        }
        rows++;
    }

    synchronized int rows() {
        return rows;
    }

    synchronized Object value(int row, int column) {
        return values[row * width + column];
    }

    /**
     * Checks that every row names round {@code round} (or, for rows appended before round 0, a round up to 0):
     * crash clean-up keeps or drops a row by its round column, so it must be the round whose transaction holds it.
     */
    synchronized void checkRound(int round, boolean beforeFirstRound) {
        if (roundColumn < 0) {
            if (!beforeFirstRound && rows > 0) {
                throw new IllegalStateException("table " + spec.name() + " has no round column, so its rows go in "
                        + "before the run starts; " + rows + " were appended while round " + round + " was played");
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int named = (Integer) values[r * width + roundColumn];
            if (beforeFirstRound ? named > 0 : named != round) {
                throw new IllegalStateException("table " + spec.name() + ": a row names round " + named + " in "
                        + spec.roundColumn() + " but was appended "
                        + (beforeFirstRound ? "before round 0" : "while round " + round + " was played")
                        + "; rows go into the transaction of the round they name");
            }
        }
    }

    synchronized void reset() {
        Arrays.fill(values, 0, rows * width, null);
        rows = 0;
    }

    /** Checks arity, NULLs and types of {@code row} against {@code spec}, with a message naming table and column. */
    static void check(TableSpec spec, Object[] row) {
        List<Column> cols = spec.columns();
        if (row == null || row.length != cols.size()) {
            throw new IllegalArgumentException("table " + spec.name() + ": a row has " + cols.size()
                    + " values (" + String.join(", ", cols.stream().map(Column::name).toList()) + "), got "
                    + (row == null ? "none" : row.length));
        }
        for (int c = 0; c < row.length; c++) {
            Column col = cols.get(c);
            Object v = row[c];
            if (v == null) {
                if (!col.nullable()) {
                    throw new IllegalArgumentException("table " + spec.name() + ": column " + col.name()
                            + " is NOT NULL");
                }
            } else if (!col.type().accepts(v)) {
                throw new IllegalArgumentException("table " + spec.name() + ": column " + col.name() + " is "
                        + col.type() + " and takes " + col.type().javaTypes() + ", got "
                        + v.getClass().getSimpleName() + " " + v);
            } else if (col.length() > 0 && ((String) v).length() > col.length()) {
                throw new IllegalArgumentException("table " + spec.name() + ": column " + col.name()
                        + " holds at most " + col.length() + " characters, got " + ((String) v).length());
            }
        }
    }
}
