package org.receco.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.receco.core.store.ColumnType.BIGINT;
import static org.receco.core.store.ColumnType.INTEGER;
import static org.receco.core.store.ColumnType.REAL;
import static org.receco.core.store.ColumnType.TEXT;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TableSpec}, {@link Column} and {@link ColumnType}: what a declaration must say, and the errors if not. */
class TableSpecTest {
    private static String error(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void aDeclarationNeedsAKeyOfItsOwnColumnsAndAnIntegerRoundColumn() {
        Column round = Column.of("round", INTEGER);
        assertEquals("table t: a key is needed (it orders rows canonically for digests and export)",
                error(() -> TableSpec.of("t", "", "round", List.of(), round)));
        assertEquals("table t: key 'seq' is not a column; columns: round",
                error(() -> TableSpec.of("t", "", "round", List.of("seq"), round)));
        assertEquals("table t: round column round must be INTEGER NOT NULL",
                error(() -> TableSpec.of("t", "", "round", List.of("round"), Column.of("round", BIGINT))));
        assertEquals("table t: column round declared twice",
                error(() -> TableSpec.of("t", "", "round", List.of("round"), round, round)));
        assertTrue(error(() -> TableSpec.of("t", "", "round", List.of("round"), round).withVolatile("round"))
                .contains("volatile column round cannot be part of the key"));
        assertTrue(error(() -> TableSpec.of("t", "", "round", List.of("round"), round).withIndex("nope"))
                .contains("index column 'nope' is not a column"));
    }

    @Test
    void namesAreLowerCaseSqlIdentifiers() {
        assertTrue(error(() -> TableSpec.of("LLM calls", "", null, List.of("id"), Column.of("id", INTEGER)))
                .startsWith("table name 'LLM calls'"));
        assertTrue(error(() -> Column.of("1st", INTEGER)).startsWith("column name '1st'"));
        assertTrue(error(() -> new Column("q", REAL, 4, false)).contains("a length is only for TEXT columns"));
    }

    @Test
    void columnTypesAcceptTheirJavaValuesAndWidenOnlyWithoutLoss() {
        assertTrue(INTEGER.accepts(7));
        assertTrue(INTEGER.accepts((short) 7));
        assertFalse(INTEGER.accepts(7L), "a long may not fit");
        assertTrue(BIGINT.accepts(7));
        assertFalse(REAL.accepts(0.5), "a double would lose precision");
        assertTrue(ColumnType.DOUBLE.accepts(0.5f));
        assertTrue(ColumnType.REAL_ARRAY.accepts(new float[2]));
        assertFalse(TEXT.accepts('c'));
        assertEquals("Long or Integer or Short or Byte", BIGINT.javaTypes());
    }

    @Test
    void equalDeclarationsAreEqualWhateverOrderTheirVolatileColumnsCameIn() {
        TableSpec a = TableSpec.of("t", "", "round", List.of("round"), Column.of("round", INTEGER),
                Column.of("x", BIGINT), Column.of("y", BIGINT)).withVolatile("y", "x");
        TableSpec b = TableSpec.of("t", "", "round", List.of("round"), Column.of("round", INTEGER),
                Column.of("x", BIGINT), Column.of("y", BIGINT)).withVolatile("x").withVolatile("y");
        assertEquals(a, b);
        assertEquals(List.of("x", "y"), a.volatileInOrder());
        assertEquals("round", a.orderBy());
        assertEquals(2, a.columnIndex("y"));
    }
}
